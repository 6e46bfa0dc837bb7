package io.dealflow.gateway.ratelimit;

import io.dealflow.platform.error.ApiFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request limits ({@code dealflow.gateway.rate-limit.*}). Policies and plans have defaults from the
 * seeds; configuration overrides them field by field, e.g. {@code
 * dealflow.gateway.rate-limit.policies.auth.limit=10}, and may add policies of its own.
 *
 * @param enabled whether the gateway limits requests at all
 * @param keyPrefix the prefix of every Redis key the limiter writes
 * @param redisTimeout how long a check in Redis may take before it is counted in memory instead
 * @param redisRetry after Redis failed, how long limits are counted in memory before Redis is asked
 *     again
 * @param policies per-minute (or other window) limits by API family and path, per client IP or per
 *     user
 * @param plans requests per {@code planWindow} for each plan tier, per organization
 * @param planFamilies the API families whose routes count against the organization's plan
 * @param defaultPlan the tier of an organization that neither configuration nor token places
 * @param planWindow the window of the plan limits
 * @param orgPlans the tier of particular organizations, by organization id; wins over the token
 */
@ConfigurationProperties("dealflow.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("dealflow:ratelimit:") String keyPrefix,
    @DefaultValue("500ms") Duration redisTimeout,
    @DefaultValue("5s") Duration redisRetry,
    @DefaultValue Map<String, PolicySettings> policies,
    @DefaultValue Map<String, Long> plans,
    @DefaultValue("vectoros") List<ApiFamily> planFamilies,
    @DefaultValue("starter") String defaultPlan,
    @DefaultValue("1h") Duration planWindow,
    @DefaultValue Map<String, String> orgPlans) {

  /** Whom a policy counts: the client's address, or the authenticated user (else the address). */
  public enum KeyBy {
    IP,
    USER
  }

  /**
   * One limit as configured; a field left out keeps its default. A limit of 0 switches it off.
   *
   * @param paths path patterns the policy counts, e.g. {@code /api/v1/voice/**}
   * @param families the API families whose routes it counts; empty: every family
   */
  public record PolicySettings(
      @Nullable Long limit,
      @Nullable Duration window,
      @Nullable KeyBy key,
      @Nullable List<String> paths,
      @Nullable List<ApiFamily> families) {

    PolicySettings over(PolicySettings base) {
      return new PolicySettings(
          limit != null ? limit : base.limit,
          window != null ? window : base.window,
          key != null ? key : base.key,
          paths != null && !paths.isEmpty() ? paths : base.paths,
          families != null && !families.isEmpty() ? families : base.families);
    }
  }

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /**
   * The seeds' per-product limits, each on its own product's routes: Trainer (general, voice),
   * Spotlight (API), HeliosCS (standard, chat, uploads), the authentication routes per client
   * address, and HelloSales, whose seed names none, at Trainer's general rate. VectorOS routes
   * count against the organization's plan instead ({@code plan-families}).
   */
  static final Map<String, PolicySettings> DEFAULT_POLICIES = defaultPolicies();

  /** VectorOS's tiers, requests per hour; enterprise is "custom", so configure it per contract. */
  static final Map<String, Long> DEFAULT_PLANS =
      Map.of("starter", 1_000L, "pro", 10_000L, "scale", 50_000L, "enterprise", 100_000L);

  private static Map<String, PolicySettings> defaultPolicies() {
    Map<String, PolicySettings> policies = new LinkedHashMap<>();
    policies.put(
        "auth",
        new PolicySettings(
            5L,
            MINUTE,
            KeyBy.IP,
            List.of(
                "/api/v1/auth/login",
                "/api/v1/auth/register",
                "/api/v1/auth/refresh",
                "/users/sign_in"),
            List.of()));
    policies.put("trainer", perUser(120, List.of("/**"), ApiFamily.TRAINER));
    policies.put("trainer-voice", perUser(60, List.of("/api/v1/voice/**"), ApiFamily.TRAINER));
    policies.put("spotlight", perUser(100, List.of("/**"), ApiFamily.SPOTLIGHT));
    policies.put("helioscs", perUser(100, List.of("/**"), ApiFamily.HELIOSCS));
    policies.put(
        "helioscs-chat",
        perUser(
            50,
            List.of("/api/v1/support/chat/**", "/api/v1/support/messages/**"),
            ApiFamily.HELIOSCS));
    policies.put(
        "helioscs-uploads",
        perUser(10, List.of("/api/v1/support/files/upload"), ApiFamily.HELIOSCS));
    policies.put("hellosales", perUser(120, List.of("/**"), ApiFamily.HELLOSALES));
    return Collections.unmodifiableMap(policies);
  }

  private static PolicySettings perUser(long limit, List<String> paths, ApiFamily family) {
    return new PolicySettings(limit, MINUTE, KeyBy.USER, paths, List.of(family));
  }

  /** The policies in force: defaults overlaid with configuration, without those switched off. */
  public List<RateLimitPolicy> effectivePolicies() {
    Map<String, PolicySettings> merged = new LinkedHashMap<>(DEFAULT_POLICIES);
    policies.forEach(
        (name, settings) -> {
          PolicySettings base = merged.get(name);
          merged.put(name, base == null ? settings : settings.over(base));
        });
    List<RateLimitPolicy> effective = new ArrayList<>();
    merged.forEach(
        (name, settings) -> {
          if (settings.limit() == null
              || settings.window() == null
              || settings.key() == null
              || settings.paths() == null
              || settings.paths().isEmpty()) {
            throw new IllegalArgumentException(
                "dealflow.gateway.rate-limit.policies."
                    + name
                    + " needs a limit, a window, a key (ip or user) and paths");
          }
          if (settings.limit() > 0) {
            effective.add(
                RateLimitPolicy.of(
                    name,
                    settings.limit(),
                    settings.window(),
                    settings.key(),
                    settings.paths(),
                    settings.families() == null ? List.of() : settings.families()));
          }
        });
    return List.copyOf(effective);
  }

  /** Whether a route of this family counts against its organization's plan. */
  public boolean planApplies(ApiFamily family) {
    return planFamilies.contains(family);
  }

  /** Requests per plan window for a tier; an unknown tier gets the default tier's limit. */
  public long planLimit(String tier) {
    Map<String, Long> all = new LinkedHashMap<>(DEFAULT_PLANS);
    plans.forEach((name, limit) -> all.put(name.toLowerCase(Locale.ROOT), limit));
    Long limit = all.get(tier.toLowerCase(Locale.ROOT));
    if (limit != null) {
      return limit;
    }
    Long fallback = all.get(defaultPlan.toLowerCase(Locale.ROOT));
    if (fallback == null) {
      throw new IllegalArgumentException(
          "dealflow.gateway.rate-limit.default-plan names no plan: " + defaultPlan);
    }
    return fallback;
  }

  /** The tier of an organization: configuration first, then the token's claim, then default. */
  public String planOf(String orgId, @Nullable String claimed) {
    for (Map.Entry<String, String> entry : orgPlans.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(orgId)) {
        return entry.getValue();
      }
    }
    return claimed != null && !claimed.isBlank() ? claimed : defaultPlan;
  }
}
