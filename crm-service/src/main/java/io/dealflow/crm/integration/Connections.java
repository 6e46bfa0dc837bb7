package io.dealflow.crm.integration;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import io.dealflow.platform.outbound.OutboundTargets;
import io.dealflow.platform.outbound.TargetRefusedException;
import io.dealflow.platform.secret.SecretBox;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connecting and disconnecting a workspace's integrations. A workspace has at most one integration
 * per provider; its access token is stored encrypted and never answered.
 */
@Service
public class Connections {

  private static final int MAX_TOKEN = 2048;

  private final Integrations integrations;
  private final SecretBox secrets;
  private final OutboundTargets targets;
  private final IntegrationsProperties properties;

  Connections(
      Integrations integrations,
      SecretBox secrets,
      OutboundTargets targets,
      IntegrationsProperties properties) {
    this.integrations = integrations;
    this.secrets = secrets;
    this.targets = targets;
    this.properties = properties;
  }

  /**
   * What an admin asks to connect.
   *
   * @param provider where the records come from
   * @param name a label; the provider's name if none
   * @param baseUrl HubSpot's API; the configured default if none
   * @param accessToken HubSpot private app token (required for HubSpot)
   * @param contacts whether HubSpot contacts are synced as leads
   * @param deals whether HubSpot deals are synced
   * @param defaultCurrency the currency of synced deals that name none; the configured default if
   *     none
   */
  public record Request(
      Provider provider,
      @Nullable String name,
      @Nullable String baseUrl,
      @Nullable String accessToken,
      boolean contacts,
      boolean deals,
      @Nullable String defaultCurrency) {

    /** Never prints the token. */
    @Override
    public String toString() {
      return "Connections.Request[provider=" + provider + ", baseUrl=" + baseUrl + "]";
    }
  }

  @Transactional(readOnly = true)
  public List<Integration> list(UUID orgId) {
    return integrations.ofOrganization(orgId);
  }

  /** The integration, if it belongs to one of {@code orgIds}. */
  @Transactional(readOnly = true)
  public Integration get(Collection<UUID> orgIds, UUID id) {
    return integrations.find(id, orgIds).orElseThrow(Connections::integrationNotFound);
  }

  @Transactional
  public Integration connect(UUID orgId, UUID admin, Request request) {
    List<FieldViolation> violations = new ArrayList<>();
    String name =
        request.name() == null || request.name().isBlank()
            ? defaultName(request.provider())
            : request.name().strip();
    if (name.length() > 200) {
      violations.add(new FieldViolation("name", "length", "Name is longer than 200 characters"));
    }
    String currency =
        Objects.requireNonNullElse(request.defaultCurrency(), properties.defaultCurrency())
            .strip()
            .toUpperCase(Locale.ROOT);
    if (!isCurrency(currency)) {
      violations.add(
          new FieldViolation(
              "defaultCurrency", "invalid", "Default currency must be an ISO 4217 code"));
    }
    URI baseUrl = null;
    String sealed = null;
    UUID id = UUID.randomUUID();
    if (request.provider() == Provider.HUBSPOT) {
      baseUrl = hubSpotUrl(request.baseUrl(), violations);
      String token = request.accessToken();
      if (token == null || token.isBlank()) {
        violations.add(
            new FieldViolation(
                "accessToken",
                "blank",
                "Access token can't be blank (a HubSpot private app token)"));
      } else if (token.strip().length() > MAX_TOKEN || !token.strip().matches("\\S+")) {
        violations.add(
            new FieldViolation("accessToken", "invalid", "Access token is not a HubSpot token"));
      } else {
        sealed = secrets.seal(id, token.strip());
      }
      if (!request.contacts() && !request.deals()) {
        violations.add(
            new FieldViolation("objects", "blank", "Objects must name contacts, deals or both"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    boolean hubspot = request.provider() == Provider.HUBSPOT;
    Integration integration =
        new Integration(
            id,
            orgId,
            request.provider(),
            name,
            baseUrl,
            sealed,
            !hubspot || request.contacts(),
            !hubspot || request.deals(),
            currency,
            null,
            null,
            null,
            0,
            admin,
            now,
            now,
            0);
    if (!integrations.insert(integration)) {
      throw ApiException.conflict(
          "INTEGRATION_EXISTS",
          "The workspace already has a "
              + defaultName(request.provider())
              + " integration; disconnect it first");
    }
    return integration;
  }

  @Transactional
  public void disconnect(Collection<UUID> orgIds, UUID id) {
    if (!integrations.delete(id, orgIds)) {
      throw integrationNotFound();
    }
  }

  /** The integration's access token, decrypted, for a connector. */
  @Nullable String accessToken(Integration integration) {
    return integration.sealedToken() == null
        ? null
        : secrets.open(integration.id(), integration.sealedToken());
  }

  private @Nullable URI hubSpotUrl(@Nullable String given, List<FieldViolation> violations) {
    if (given == null || given.isBlank()) {
      return properties.hubspot().baseUrl();
    }
    URI url;
    try {
      url = URI.create(given.strip().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation("baseUrl", "invalid", "Base URL is not a URL"));
      return null;
    }
    var refusal = refusal(url);
    if (refusal.isPresent()) {
      violations.add(new FieldViolation("baseUrl", "invalid", "Base URL " + refusal.get()));
      return null;
    }
    return url;
  }

  /**
   * Why a base URL may not be called, or empty when it may: HTTPS (HTTP only where private targets
   * are allowed), no credentials, query or fragment, and a host with public addresses only.
   */
  private Optional<String> refusal(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("must be an absolute http(s) URL");
    }
    if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
      return Optional.of("must not carry credentials, a query or a fragment");
    }
    if (!targets.allowsPrivate() && !scheme.equals("https")) {
      return Optional.of("must use https");
    }
    try {
      targets.check(url);
      return Optional.empty();
    } catch (TargetRefusedException refused) {
      return Optional.of(
          switch (refused.reason()) {
            case INTERNAL -> "points at a private, loopback or link-local address";
            case UNRESOLVED -> "names a host that does not resolve: " + url.getHost();
            case INVALID_URL -> "must be an absolute http(s) URL";
          });
    }
  }

  private static String defaultName(Provider provider) {
    return switch (provider) {
      case HUBSPOT -> "HubSpot";
      case CSV -> "CSV import";
    };
  }

  private static boolean isCurrency(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  static ApiException integrationNotFound() {
    return ApiException.notFound("Integration");
  }
}
