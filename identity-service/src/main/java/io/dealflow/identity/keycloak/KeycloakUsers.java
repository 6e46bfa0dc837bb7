package io.dealflow.identity.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.dealflow.identity.keycloak.AccountRejectedException.Part;
import io.dealflow.platform.security.DealflowClaims;
import io.dealflow.platform.security.Role;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Keycloak's admin REST API, used with the identity client's service account: creating and deleting
 * users, their names and passwords, and what their tokens say about organizations (attributes
 * {@code org_id}, {@code org_ids}, {@code org_roles}, {@code org_plan} and the realm role).
 */
@Component
public class KeycloakUsers {

  private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);
  private static final ParameterizedTypeReference<List<UserRepresentation>> USERS =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<RoleRepresentation>> ROLES =
      new ParameterizedTypeReference<>() {};

  private final KeycloakHttp http;

  KeycloakUsers(KeycloakHttp http) {
    this.http = http;
  }

  /**
   * Creates the user with its password, organization attributes and realm role. Either all of it
   * exists afterwards or none of it does.
   *
   * @return the new user's Keycloak id
   */
  public UUID create(NewAccount account) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", account.email());
    user.put("email", account.email());
    user.put("emailVerified", false);
    user.put("enabled", true);
    user.put("firstName", account.firstName());
    user.put("lastName", account.lastName());
    String org = account.orgId().toString();
    user.put(
        "attributes",
        Map.of(
            DealflowClaims.ORG_ID,
            List.of(org),
            DealflowClaims.ORG_IDS,
            List.of(org),
            DealflowClaims.ORG_ROLES,
            List.of(Tenancy.rolesJson(Map.of(account.orgId(), account.role()))),
            DealflowClaims.ORG_PLAN,
            List.of(account.plan())));
    user.put(
        "credentials",
        List.of(
            Map.of(
                "type",
                "password",
                "value",
                account.password(),
                "temporary",
                account.temporaryPassword())));
    if (account.temporaryPassword()) {
      user.put("requiredActions", List.of("UPDATE_PASSWORD"));
    }
    ResponseEntity<Void> created;
    try {
      created =
          http.admin(
              "create user",
              () ->
                  http.client()
                      .post()
                      .uri(http.adminPath() + "/users")
                      .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                      .body(user)
                      .retrieve()
                      .toBodilessEntity());
    } catch (HttpClientErrorException e) {
      throw translateRejection(e);
    }
    UUID id = idFromLocation(created.getHeaders().getLocation());
    try {
      applyRole(id, account.role());
    } catch (RuntimeException e) {
      delete(id);
      throw e;
    }
    return id;
  }

  /** Deletes the user; a user that is already gone is fine. */
  public void delete(UUID id) {
    try {
      http.adminRun(
          "delete user",
          () ->
              http.client()
                  .delete()
                  .uri(http.adminPath() + "/users/{id}", id)
                  .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                  .retrieve()
                  .toBodilessEntity());
    } catch (HttpClientErrorException.NotFound gone) {
      log.debug("Keycloak user {} was already deleted", id);
    }
  }

  public Optional<KeycloakAccount> find(UUID id) {
    try {
      UserRepresentation user =
          http.admin(
              "read user",
              () ->
                  http.client()
                      .get()
                      .uri(http.adminPath() + "/users/{id}", id)
                      .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                      .retrieve()
                      .body(UserRepresentation.class));
      return Optional.ofNullable(user).map(UserRepresentation::toAccount);
    } catch (HttpClientErrorException.NotFound absent) {
      return Optional.empty();
    }
  }

  public Optional<KeycloakAccount> findByEmail(String email) {
    List<UserRepresentation> users =
        http.admin(
            "search users",
            () ->
                http.client()
                    .get()
                    .uri(
                        http.adminPath()
                            + "/users?email={email}&exact=true&briefRepresentation=false",
                        email)
                    .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                    .retrieve()
                    .body(USERS));
    if (users == null) {
      return Optional.empty();
    }
    return users.stream()
        .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email))
        .findFirst()
        .map(UserRepresentation::toAccount);
  }

  /** Sets the names Keycloak puts into tokens ({@code given_name}, {@code family_name}). */
  public void rename(UUID id, String firstName, String lastName) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("firstName", firstName);
    change.put("lastName", lastName);
    update(id, change);
  }

  /** Sets a new password; a temporary one must be replaced at the next interactive sign-in. */
  public void resetPassword(UUID id, String password, boolean temporary) {
    try {
      http.adminRun(
          "reset password",
          () ->
              http.client()
                  .put()
                  .uri(http.adminPath() + "/users/{id}/reset-password", id)
                  .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                  .body(Map.of("type", "password", "value", password, "temporary", temporary))
                  .retrieve()
                  .toBodilessEntity());
    } catch (HttpClientErrorException e) {
      throw translateRejection(e);
    }
  }

  /**
   * Makes the user's next tokens name its organizations, its role in each and the current one's
   * plan. The tenancy is worked out from the organization the user currently acts for in Keycloak
   * ({@code org_id}, null when unset). The names are written back as read, so callers serialize
   * this with renames (the user's database row lock) to never undo one.
   *
   * @return the tenancy written
   */
  public Tenancy applyTenancy(UUID id, Function<@Nullable UUID, Tenancy> fromCurrentOrg) {
    KeycloakAccount account =
        find(id).orElseThrow(() -> KeycloakHttp.providerError("Keycloak has no user " + id));
    Tenancy tenancy = fromCurrentOrg.apply(uuid(account.attribute(DealflowClaims.ORG_ID)));
    Map<String, List<String>> attributes = new LinkedHashMap<>(account.attributes());
    if (tenancy.orgId() == null) {
      attributes.remove(DealflowClaims.ORG_ID);
    } else {
      attributes.put(DealflowClaims.ORG_ID, List.of(tenancy.orgId().toString()));
    }
    attributes.put(DealflowClaims.ORG_IDS, tenancy.orgIds().stream().map(UUID::toString).toList());
    attributes.put(DealflowClaims.ORG_ROLES, List.of(Tenancy.rolesJson(tenancy.roles())));
    if (tenancy.plan() == null) {
      attributes.remove(DealflowClaims.ORG_PLAN);
    } else {
      attributes.put(DealflowClaims.ORG_PLAN, List.of(tenancy.plan()));
    }
    // Keycloak treats the user-profile attributes of an update that carries "attributes" as
    // complete: names and email left out would be erased (and the account locked until set up).
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("email", account.email());
    change.put("firstName", account.firstName());
    change.put("lastName", account.lastName());
    change.put("attributes", attributes);
    update(id, change);
    applyRole(id, tenancy.role());
    return tenancy;
  }

  /**
   * Ends one session (the {@code sid} of an access token) so that its refresh token stops working.
   * A session that has already ended is fine.
   */
  public void endSession(String sessionId) {
    try {
      http.adminRun(
          "end session",
          () ->
              http.client()
                  .delete()
                  .uri(http.adminPath() + "/sessions/{sid}", sessionId)
                  .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                  .retrieve()
                  .toBodilessEntity());
    } catch (HttpClientErrorException.NotFound gone) {
      log.debug("Keycloak session was already gone");
    }
  }

  private void update(UUID id, Map<String, Object> change) {
    try {
      http.adminRun(
          "update user",
          () ->
              http.client()
                  .put()
                  .uri(http.adminPath() + "/users/{id}", id)
                  .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                  .body(change)
                  .retrieve()
                  .toBodilessEntity());
    } catch (HttpClientErrorException e) {
      throw translateRejection(e);
    }
  }

  /** Leaves exactly one of the suite's realm roles on the user (or none), other roles untouched. */
  private void applyRole(UUID id, @Nullable Role role) {
    String mappings = http.adminPath() + "/users/{id}/role-mappings/realm";
    List<RoleRepresentation> assigned =
        http.admin(
            "read role mappings",
            () ->
                http.client()
                    .get()
                    .uri(mappings, id)
                    .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                    .retrieve()
                    .body(ROLES));
    List<RoleRepresentation> current = assigned == null ? List.of() : assigned;
    String wanted = role == null ? null : role.id();
    List<RoleRepresentation> surplus =
        current.stream()
            .filter(r -> Role.fromId(r.name()).isPresent() && !r.name().equals(wanted))
            .toList();
    if (!surplus.isEmpty()) {
      http.adminRun(
          "remove realm roles",
          () ->
              http.client()
                  .method(HttpMethod.DELETE)
                  .uri(mappings, id)
                  .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                  .body(surplus)
                  .retrieve()
                  .toBodilessEntity());
    }
    if (wanted == null || current.stream().anyMatch(r -> r.name().equals(wanted))) {
      return;
    }
    List<RoleRepresentation> available =
        http.admin(
            "read available roles",
            () ->
                http.client()
                    .get()
                    .uri(mappings + "/available", id)
                    .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                    .retrieve()
                    .body(ROLES));
    RoleRepresentation grant =
        (available == null ? List.<RoleRepresentation>of() : available)
            .stream()
                .filter(r -> r.name().equals(wanted))
                .findFirst()
                .orElseThrow(
                    () -> KeycloakHttp.providerError("The realm has no role '" + wanted + "'"));
    http.adminRun(
        "add realm role",
        () ->
            http.client()
                .post()
                .uri(mappings, id)
                .header(HttpHeaders.AUTHORIZATION, http.adminBearer())
                .body(List.of(grant))
                .retrieve()
                .toBodilessEntity());
  }

  private static RuntimeException translateRejection(HttpClientErrorException e) {
    if (e.getStatusCode() == HttpStatus.CONFLICT) {
      return new AccountExistsException();
    }
    if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
      return KeycloakHttp.providerError("Keycloak has no such user");
    }
    if (e.getStatusCode() != HttpStatus.BAD_REQUEST) {
      return e;
    }
    KeycloakError error;
    try {
      error = e.getResponseBodyAs(KeycloakError.class);
    } catch (RuntimeException unreadable) {
      error = null;
    }
    Part part = error == null ? Part.OTHER : error.part();
    log.info("Keycloak rejected user data ({})", part);
    return new AccountRejectedException(part, message(part));
  }

  private static String message(Part part) {
    return switch (part) {
      case PASSWORD -> "does not meet the password policy (at least 8 characters)";
      case FIRST_NAME, LAST_NAME -> "contains characters that are not allowed in a name";
      case EMAIL -> "is not a valid email address";
      case OTHER -> "was rejected by the identity provider";
    };
  }

  private static UUID idFromLocation(@Nullable URI location) {
    if (location == null) {
      throw KeycloakHttp.providerError("Keycloak created a user but did not say where");
    }
    List<String> segments = new ArrayList<>(Arrays.asList(location.getPath().split("/")));
    return UUID.fromString(segments.getLast());
  }

  private static @Nullable UUID uuid(@Nullable String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record UserRepresentation(
      String id,
      @Nullable String email,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable Boolean enabled,
      @Nullable Map<String, List<String>> attributes) {

    KeycloakAccount toAccount() {
      return new KeycloakAccount(
          UUID.fromString(id),
          email,
          firstName,
          lastName,
          Boolean.TRUE.equals(enabled),
          attributes == null ? Map.of() : attributes);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RoleRepresentation(String id, String name) {}

  /**
   * Keycloak's 400 bodies: {@code {"field", "errorMessage"}} from the user profile, {@code
   * {"error", "error_description"}} from the password policy. Their {@code params} may echo the
   * submitted value, so they are never read or logged.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record KeycloakError(
      @Nullable String field, @Nullable String errorMessage, @Nullable String error) {

    Part part() {
      if (field != null) {
        return switch (field) {
          case "firstName" -> Part.FIRST_NAME;
          case "lastName" -> Part.LAST_NAME;
          case "email", "username" -> Part.EMAIL;
          case "password" -> Part.PASSWORD;
          default -> Part.OTHER;
        };
      }
      String key = (error != null ? error : errorMessage != null ? errorMessage : "");
      String lower = key.toLowerCase(Locale.ROOT);
      if (lower.contains("password")) {
        return Part.PASSWORD;
      }
      if (lower.contains("email")) {
        return Part.EMAIL;
      }
      return Part.OTHER;
    }
  }
}
