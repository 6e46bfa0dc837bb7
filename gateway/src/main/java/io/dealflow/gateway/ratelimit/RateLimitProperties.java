package io.dealflow.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
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
 * @param redisTimeout how long a limit check may take before the request passes unchecked
 * @param policies per-minute (or other window) limits by path, per client IP or per user
 * @param plans requests per {@code planWindow} for each plan tier, per organization
 * @param defaultPlan the tier of an organization that neither configuration nor token places
 * @param planWindow the window of the plan limits
 * @param orgPlans the tier of particular organizations, by organization id; wins over the token
 */
@ConfigurationProperties("dealflow.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("dealflow:ratelimit:") String keyPrefix,
    @DefaultValue("500ms") Duration redisTimeout,
    @DefaultValue Map<String, PolicySettings> policies,
    @DefaultValue Map<String, Long> plans,
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
   */
  public record PolicySettings(
      @Nullable Long limit,
      @Nullable Duration window,
      @Nullable KeyBy key,
      @Nullable List<String> paths) {

    PolicySettings over(PolicySettings base) {
      return new PolicySettings(
          limit != null ? limit : base.limit,
          window != null ? window : base.window,
          key != null ? key : base.key,
          paths != null && !paths.isEmpty() ? paths : base.paths);
    }
  }

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** The seeds' limits: Trainer and Spotlight (auth, general, voice), HeliosCS (chat, uploads). */
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
                "/users/sign_in")));
    policies.put("api", new PolicySettings(120L, MINUTE, KeyBy.USER, List.of("/**")));
    policies.put("voice", new PolicySettings(60L, MINUTE, KeyBy.USER, List.of("/api/v1/voice/**")));
    policies.put(
        "chat",
        new PolicySettings(
            50L,
            MINUTE,
            KeyBy.USER,
            List.of("/api/v1/chat", "/api/v1/support/chat/**", "/api/v1/support/messages/**")));
    policies.put(
        "uploads",
        new PolicySettings(
            10L,
            MINUTE,
            KeyBy.USER,
            List.of(
                "/api/v1/support/files/upload",
                "/api/v1/conversations/*/audio",
                "/api/v1/assistants/*/voice_sample")));
    return Map.copyOf(policies);
  }

  /** The policies in force: defaults overlaid with configuration, without those switched off. */
  public List<RateLimitPolicy> effectivePolicies() {
    Map<String, PolicySettings> merged = new LinkedHashMap<>();
    for (String name : List.of("auth", "api", "voice", "chat", "uploads")) {
      merged.put(name, DEFAULT_POLICIES.get(name));
    }
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
                    name, settings.limit(), settings.window(), settings.key(), settings.paths()));
          }
        });
    return List.copyOf(effective);
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
