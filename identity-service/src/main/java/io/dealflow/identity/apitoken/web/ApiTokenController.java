package io.dealflow.identity.apitoken.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.identity.apitoken.ApiToken;
import io.dealflow.identity.apitoken.ApiTokenRegistry;
import io.dealflow.identity.organization.Page;
import io.dealflow.identity.web.Callers;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spotlight's API tokens (JSON:API; errors in the Spotlight format). The admins of an organization
 * create, list and revoke them, signed in as themselves; a token is then sent as {@code
 * Authorization: Bearer dfk_...} or {@code X-API-Key: dfk_...} to any route of the suite.
 */
@RestController
@RequestMapping("/api/v1/api_tokens")
@Tag(name = "Spotlight API tokens")
@SecurityRequirement(name = "bearer")
class ApiTokenController {

  private static final String TYPE = "api_token";

  private final ApiTokenRegistry registry;
  private final Callers callers;

  ApiTokenController(ApiTokenRegistry registry, Callers callers) {
    this.registry = registry;
    this.callers = callers;
  }

  @PostMapping
  @Operation(
      summary = "Create an API token (admins)",
      description =
          "`role` is the role the token has in the caller's organization (admin, manager, rep,"
              + " agent); `expires_at` is optional. The answer holds `token`, the only time it is"
              + " shown. At most "
              + ApiTokenRegistry.MAX_ACTIVE_PER_ORGANIZATION
              + " working tokens per organization.")
  ResponseEntity<Document> create(Tenant caller, @Valid @RequestBody CreateRequest request) {
    UUID orgId = adminOrganization(caller);
    Role role =
        Role.fromId(request.apiToken().role())
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "api_token.role",
                        "inclusion",
                        "Role must be one of admin, manager, rep, agent"));
    ApiTokenRegistry.Issued issued =
        registry.issue(
            orgId,
            caller.userId(),
            request.apiToken().name().strip(),
            role,
            request.apiToken().expiresAt());
    return ResponseEntity.created(URI.create("/api/v1/api_tokens/" + issued.token().id()))
        .body(new Document(Resource.of(issued.token(), issued.secret(), null)));
  }

  @GetMapping
  @Operation(
      summary = "The organization's API tokens (admins), newest first",
      description = "`page` (from 1) and `per_page` (default 25, at most 100).")
  ListDocument list(
      Tenant caller,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      @RequestParam(name = "per_page", defaultValue = "25") @Min(1) @Max(100) int perPage) {
    UUID orgId = adminOrganization(caller);
    Page<ApiToken> tokens = registry.list(orgId, perPage, (long) (page - 1) * perPage);
    int totalPages = (int) Math.max(1, (tokens.total() + perPage - 1) / perPage);
    return new ListDocument(
        tokens.items().stream().map(token -> Resource.of(token, null, null)).toList(),
        new ListMeta(
            new Pagination(
                page,
                totalPages,
                tokens.total(),
                perPage,
                page > 1 ? Math.min(page - 1, totalPages) : null,
                page < totalPages ? page + 1 : null)));
  }

  @GetMapping("/current")
  @Operation(
      summary = "The API token this call is made with",
      description =
          "Answers only to an API token: what it grants, with its organization's plan. Every"
              + " service of the suite asks this to check a token.")
  Document current(Tenant caller) {
    if (!callers.isApiToken()) {
      throw ApiException.notFound("API token");
    }
    ApiToken token = registry.get(caller.orgId(), caller.userId());
    return new Document(Resource.of(token, null, callers.apiTokenPlan()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One API token of the organization (admins)")
  Document get(Tenant caller, @PathVariable UUID id) {
    return new Document(Resource.of(registry.get(adminOrganization(caller), id), null, null));
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Revoke an API token (admins)",
      description =
          "Refused by identity-service at once and by every other service within its cache time"
              + " (`dealflow.security.api-tokens.cache-ttl`, 5 s by default). Revoking twice"
              + " changes nothing.")
  Document revoke(Tenant caller, @PathVariable UUID id) {
    UUID orgId = adminOrganization(caller);
    return new Document(Resource.of(registry.revoke(orgId, id, caller.userId()), null, null));
  }

  /**
   * The organization a signed-in admin manages tokens for. An API token cannot manage tokens,
   * whatever its role: a leaked token must not be able to mint others.
   */
  private UUID adminOrganization(Tenant caller) {
    if (callers.isApiToken()) {
      throw ApiException.forbidden("API tokens are managed by a signed-in admin, not by a token");
    }
    UUID orgId = caller.orgId();
    if (orgId == null || !caller.hasRoleIn(orgId, Role.ADMIN)) {
      throw ApiException.forbidden("Only an admin of the organization manages its API tokens");
    }
    return orgId;
  }

  @Schema(name = "SpotlightCreateApiTokenRequest")
  record CreateRequest(@JsonProperty("api_token") @NotNull @Valid NewToken apiToken) {}

  @Schema(name = "SpotlightNewApiToken")
  record NewToken(
      @NotBlank(message = "can't be blank") @Size(max = 100) String name,
      @NotBlank(message = "can't be blank") String role,
      @JsonProperty("expires_at") @Nullable Instant expiresAt) {}

  @Schema(name = "SpotlightApiTokenDocument")
  record Document(Resource data) {}

  @Schema(name = "SpotlightApiTokenList")
  record ListDocument(List<Resource> data, ListMeta meta) {}

  record ListMeta(Pagination pagination) {}

  record Pagination(
      @JsonProperty("current_page") int currentPage,
      @JsonProperty("total_pages") int totalPages,
      @JsonProperty("total_count") long totalCount,
      @JsonProperty("per_page") int perPage,
      @JsonProperty("prev_page") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Integer prevPage,
      @JsonProperty("next_page") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Integer nextPage) {}

  @Schema(name = "SpotlightApiToken")
  record Resource(String id, String type, Attributes attributes) {

    static Resource of(ApiToken token, @Nullable String secret, @Nullable String plan) {
      return new Resource(
          token.id().toString(),
          TYPE,
          new Attributes(
              token.name(),
              token.role().id(),
              token.orgId().toString(),
              token.prefix(),
              secret,
              plan,
              token.activeAt(Instant.now()),
              token.createdBy().toString(),
              token.createdAt(),
              token.expiresAt(),
              token.lastUsedAt(),
              token.revokedAt()));
    }
  }

  /**
   * @param token the secret, only in the answer to its creation
   * @param plan the organization's plan, only in {@code /current}
   */
  @Schema(name = "SpotlightApiTokenAttributes")
  record Attributes(
      String name,
      String role,
      @JsonProperty("organization_id") String organizationId,
      @JsonProperty("token_prefix") String tokenPrefix,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String token,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String plan,
      boolean active,
      @JsonProperty("created_by") String createdBy,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("expires_at") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Instant expiresAt,
      @JsonProperty("last_used_at") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Instant lastUsedAt,
      @JsonProperty("revoked_at") @JsonInclude(JsonInclude.Include.ALWAYS)
          @Nullable Instant revokedAt) {}
}
