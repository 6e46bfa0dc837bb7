package io.dealflow.gateway.security;

import io.dealflow.platform.security.Tenant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller of a request, as far as the gateway cares: who (for per-user limits and
 * the access log), which organization and on which plan (for per-organization limits).
 *
 * @param subject the token's subject
 * @param orgId the organization the caller acts for, when the token names one
 * @param plan the organization's plan as the token states it ({@code org_plan}), if it does
 */
public record Caller(String subject, @Nullable UUID orgId, @Nullable String plan) {

  /** The claim in which a token may state its organization's plan tier. */
  public static final String PLAN_CLAIM = "org_plan";

  static final String ATTRIBUTE = Caller.class.getName();

  static Caller of(Jwt jwt) {
    UUID orgId;
    try {
      orgId = Tenant.of(jwt).orgId();
    } catch (IllegalArgumentException subjectIsNotAUuid) {
      orgId = null;
    }
    return new Caller(jwt.getSubject(), orgId, jwt.getClaimAsString(PLAN_CLAIM));
  }

  /** The caller of a request, or null when it carries no valid token. */
  public static @Nullable Caller of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }
}
