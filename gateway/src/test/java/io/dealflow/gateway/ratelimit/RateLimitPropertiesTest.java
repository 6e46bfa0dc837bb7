package io.dealflow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dealflow.gateway.ratelimit.RateLimitProperties.KeyBy;
import io.dealflow.gateway.route.RouteTable;
import io.dealflow.platform.error.ApiFamily;
import java.util.List;
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
            tuple("auth", 5L, KeyBy.IP),
            tuple("trainer", 120L, KeyBy.USER),
            tuple("trainer-voice", 60L, KeyBy.USER),
            tuple("spotlight", 100L, KeyBy.USER),
            tuple("helioscs", 100L, KeyBy.USER),
            tuple("helioscs-chat", 50L, KeyBy.USER),
            tuple("helioscs-uploads", 10L, KeyBy.USER),
            tuple("hellosales", 120L, KeyBy.USER));
    assertThat(properties.planApplies(ApiFamily.VECTOROS)).isTrue();
    assertThat(properties.planApplies(ApiFamily.SPOTLIGHT)).isFalse();
    assertThat(properties.planLimit("starter")).isEqualTo(1_000);
    assertThat(properties.planLimit("pro")).isEqualTo(10_000);
    assertThat(properties.planLimit("scale")).isEqualTo(50_000);
  }

  @Test
  void eachProductsPoliciesApplyToItsOwnRoutes() {
    RouteTable routes = RouteTable.standard();

    assertThat(policiesOf(routes, "/users/sign_in")).containsExactly("auth", "spotlight");
    assertThat(policiesOf(routes, "/api/v1/auth/login")).containsExactly("auth", "trainer");
    assertThat(policiesOf(routes, "/api/v1/auth/me")).containsExactly("trainer");
    assertThat(policiesOf(routes, "/api/v1/voice/synthesize"))
        .containsExactly("trainer", "trainer-voice");
    assertThat(policiesOf(routes, "/api/v1/leads")).containsExactly("spotlight");
    assertThat(policiesOf(routes, "/api/v1/conversations/c-1/audio")).containsExactly("spotlight");
    assertThat(policiesOf(routes, "/api/v1/support/tickets")).containsExactly("helioscs");
    assertThat(policiesOf(routes, "/api/v1/support/messages/send"))
        .containsExactly("helioscs", "helioscs-chat");
    assertThat(policiesOf(routes, "/api/v1/support/files/upload"))
        .containsExactly("helioscs", "helioscs-uploads");
    assertThat(policiesOf(routes, "/api/v1/sailwind/clients")).containsExactly("hellosales");
    assertThat(policiesOf(routes, "/api/v1/deals")).isEmpty();
    assertThat(policiesOf(routes, "/api/v1/chat")).isEmpty();
  }

  private static List<String> policiesOf(RouteTable routes, String path) {
    ApiFamily family = routes.familyOf(path);
    return bind(Map.of()).effectivePolicies().stream()
        .filter(policy -> policy.appliesTo(family, path(path)))
        .map(RateLimitPolicy::name)
        .toList();
  }

  @Test
  void thePlanMayCoverMoreFamilies() {
    RateLimitProperties properties =
        bind(Map.of("dealflow.gateway.rate-limit.plan-families", "vectoros,spotlight"));

    assertThat(properties.planApplies(ApiFamily.SPOTLIGHT)).isTrue();
    assertThat(properties.planApplies(ApiFamily.TRAINER)).isFalse();
  }

  @Test
  void configurationOverridesOneFieldAndKeepsTheRest() {
    RateLimitProperties properties =
        bind(
            Map.of(
                "dealflow.gateway.rate-limit.policies.auth.limit", "10",
                "dealflow.gateway.rate-limit.policies.trainer-voice.limit", "0",
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
        .doesNotContain("trainer-voice");
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
