package io.dealflow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.gateway.ratelimit.RateLimitProperties.KeyBy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.server.PathContainer;

class RateLimitPropertiesTest {

  @Test
  void theSeedsLimitsApplyWhenNothingIsConfigured() {
    RateLimitProperties properties = bind(Map.of());

    assertThat(properties.enabled()).isTrue();
    assertThat(properties.effectivePolicies())
        .extracting(RateLimitPolicy::name, RateLimitPolicy::limit, RateLimitPolicy::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("auth", 5L, KeyBy.IP),
            org.assertj.core.groups.Tuple.tuple("api", 120L, KeyBy.USER),
            org.assertj.core.groups.Tuple.tuple("voice", 60L, KeyBy.USER),
            org.assertj.core.groups.Tuple.tuple("chat", 50L, KeyBy.USER),
            org.assertj.core.groups.Tuple.tuple("uploads", 10L, KeyBy.USER));
    assertThat(properties.planLimit("starter")).isEqualTo(1_000);
    assertThat(properties.planLimit("pro")).isEqualTo(10_000);
    assertThat(properties.planLimit("scale")).isEqualTo(50_000);
  }

  @Test
  void policiesApplyToTheSeedsPaths() {
    Map<String, RateLimitPolicy> policies =
        bind(Map.of()).effectivePolicies().stream()
            .collect(java.util.stream.Collectors.toMap(RateLimitPolicy::name, p -> p));

    assertThat(policies.get("auth").appliesTo(path("/users/sign_in"))).isTrue();
    assertThat(policies.get("auth").appliesTo(path("/api/v1/auth/me"))).isFalse();
    assertThat(policies.get("chat").appliesTo(path("/api/v1/chat"))).isTrue();
    assertThat(policies.get("chat").appliesTo(path("/api/v1/support/messages/send"))).isTrue();
    assertThat(policies.get("uploads").appliesTo(path("/api/v1/conversations/c-1/audio"))).isTrue();
    assertThat(policies.get("voice").appliesTo(path("/api/v1/voice/synthesize"))).isTrue();
    assertThat(policies.get("api").appliesTo(path("/api/v1/leads"))).isTrue();
  }

  @Test
  void configurationOverridesOneFieldAndKeepsTheRest() {
    RateLimitProperties properties =
        bind(
            Map.of(
                "dealflow.gateway.rate-limit.policies.auth.limit", "10",
                "dealflow.gateway.rate-limit.policies.voice.limit", "0",
                "dealflow.gateway.rate-limit.plans.enterprise", "250000"));

    assertThat(properties.effectivePolicies())
        .filteredOn(policy -> policy.name().equals("auth"))
        .singleElement()
        .satisfies(
            auth -> {
              assertThat(auth.limit()).isEqualTo(10);
              assertThat(auth.window()).hasMinutes(1);
              assertThat(auth.appliesTo(path("/api/v1/auth/login"))).isTrue();
            });
    assertThat(properties.effectivePolicies())
        .extracting(RateLimitPolicy::name)
        .doesNotContain("voice");
    assertThat(properties.planLimit("enterprise")).isEqualTo(250_000);
  }

  @Test
  void aNewPolicyMustBeComplete() {
    RateLimitProperties properties =
        bind(Map.of("dealflow.gateway.rate-limit.policies.exports.limit", "3"));

    assertThatThrownBy(properties::effectivePolicies).hasMessageContaining("policies.exports");
  }

  @Test
  void anOrganizationsPlanComesFromConfigurationThenTokenThenDefault() {
    String configured = "7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01";
    RateLimitProperties properties =
        bind(
            Map.of(
                "dealflow.gateway.rate-limit.org-plans." + configured,
                "scale",
                "dealflow.gateway.rate-limit.default-plan",
                "pro"));

    assertThat(properties.planOf(configured, "starter")).isEqualTo("scale");
    assertThat(properties.planOf("a0000000-0000-0000-0000-000000000001", "enterprise"))
        .isEqualTo("enterprise");
    assertThat(properties.planOf("a0000000-0000-0000-0000-000000000001", null)).isEqualTo("pro");
    assertThat(properties.planLimit("no-such-tier")).isEqualTo(10_000);
  }

  private static RateLimitProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("dealflow.gateway.rate-limit", RateLimitProperties.class);
  }

  private static PathContainer path(String path) {
    return PathContainer.parsePath(path);
  }
}
