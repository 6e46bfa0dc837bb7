package io.dealflow.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.gateway.route.ApiRoute.Kind;
import io.dealflow.platform.error.ApiFamily;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

  private final RouteTable table = RouteTable.standard();

  @ParameterizedTest(name = "{0} -> {1}, {2}")
  @CsvSource({
    // identity, in four families
    "/api/v1/auth/login, IDENTITY, TRAINER",
    "/api/v1/auth/me, IDENTITY, TRAINER",
    "/api/v1/auth/change-password, IDENTITY, TRAINER",
    "/users/sign_in, IDENTITY, SPOTLIGHT",
    "/api/v1/user, IDENTITY, SPOTLIGHT",
    "/api/v1/profile, IDENTITY, HELLOSALES",
    "/api/v1/orgs, IDENTITY, HELLOSALES",
    "/api/v1/users, IDENTITY, VECTOROS",
    "/api/v1/users/7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01, IDENTITY, VECTOROS",
    // workspaces: identity owns the workspace, crm and insights own parts of it
    "/api/v1/workspaces, IDENTITY, VECTOROS",
    "/api/v1/workspaces/ws-1, IDENTITY, VECTOROS",
    "/api/v1/workspaces/ws-1/members, IDENTITY, VECTOROS",
    "/api/v1/workspaces/ws-1/deals, CRM, VECTOROS",
    "/api/v1/workspaces/ws-1/integrations, CRM, VECTOROS",
    "/api/v1/workspaces/ws-1/insights, INSIGHTS, VECTOROS",
    "/api/v1/workspaces/ws-1/analytics/pipeline, INSIGHTS, VECTOROS",
    "/api/v1/workspaces/ws-1/analytics/forecast, INSIGHTS, VECTOROS",
    "/api/v1/workspaces/deals, IDENTITY, VECTOROS",
    "/api/v1/deals/d-1, CRM, VECTOROS",
    "/api/v1/integrations/i-1/sync, CRM, VECTOROS",
    "/api/v1/insights, INSIGHTS, VECTOROS",
    "/api/v1/insights/i-1, INSIGHTS, VECTOROS",
    "/api/v1/chat, INSIGHTS, VECTOROS",
    // playbook and training
    "/api/v1/sailwind/clients, PLAYBOOK, HELLOSALES",
    "/api/v1/sailwind/my/rep-assignments, PLAYBOOK, HELLOSALES",
    "/api/v1/scenarios/s-1, TRAINING, TRAINER",
    "/api/v1/sessions, TRAINING, TRAINER",
    "/api/v1/voice/synthesize, TRAINING, TRAINER",
    "/api/v1/learning/analytics/detailed, TRAINING, TRAINER",
    // crm in Spotlight's format
    "/api/v1/assistants/a-1/voice_sample, CRM, SPOTLIGHT",
    "/api/v1/leads/l-1/status, CRM, SPOTLIGHT",
    "/api/v1/conversations/c-1/transcripts, CRM, SPOTLIGHT",
    "/api/v1/appointments, CRM, SPOTLIGHT",
    // HeliosCS lives under /support, clear of Trainer's sessions and VectorOS's chat
    "/api/v1/support/sessions/create, SUPPORT, HELIOSCS",
    "/api/v1/support/chat/process, SUPPORT, HELIOSCS",
    "/api/v1/support/files/upload, SUPPORT, HELIOSCS",
    "/api/v1/support/analytics/dashboard, SUPPORT, HELIOSCS",
    // realtime
    "/api/v1/webhooks, REALTIME, VECTOROS",
    "/api/v1/webhooks/w-1/deliveries, REALTIME, VECTOROS",
    "/ws, REALTIME, HELLOSALES",
    "/ws/voice/s-1, REALTIME, TRAINER",
    "/ws/chat/s-1, REALTIME, HELIOSCS",
    "/ws/events, REALTIME, VECTOROS",
    "/cable, REALTIME, SPOTLIGHT",
    // each service's OpenAPI document
    "/v3/api-docs/identity, IDENTITY, HELLOSALES",
    "/v3/api-docs/realtime, REALTIME, HELLOSALES"
  })
  void pathsReachTheirServiceInTheirFamily(String path, Backend backend, ApiFamily family) {
    Optional<ApiRoute> route = table.resolve(path);

    assertThat(route).isPresent();
    assertThat(route.get().backend()).isEqualTo(backend);
    assertThat(route.get().family()).isEqualTo(family);
    assertThat(table.familyOf(path)).isEqualTo(family);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1",
        "/health",
        "/api/v1/unknown",
        "/api/v1/workspaces/ws-1/unknown",
        "/api/v1/userx",
        "/ws/other",
        "/v3/api-docs/unknown"
      })
  void pathsNoServiceOwnsAreTheGatewaysInHelloSalesFormat(String path) {
    assertThat(table.resolve(path)).isEmpty();
    assertThat(table.familyOf(path)).isEqualTo(ApiFamily.HELLOSALES);
  }

  @ParameterizedTest
  @CsvSource({
    "/ws, WEBSOCKET",
    "/cable, WEBSOCKET",
    "/v3/api-docs/crm, DOCS",
    "/api/v1/leads, API"
  })
  void routesKnowHowTheGatewayTreatsThem(String path, Kind kind) {
    assertThat(table.resolve(path)).get().extracting(ApiRoute::kind).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"identity", "playbook", "training", "crm", "insights", "support", "realtime"})
  void everyServiceHasItsDocsRoute(String id) {
    Backend backend = Backend.fromId(id).orElseThrow();

    assertThat(table.resolve(RouteTable.docsPath(backend)))
        .get()
        .satisfies(
            route -> {
              assertThat(route.kind()).isEqualTo(Kind.DOCS);
              assertThat(route.backend()).isEqualTo(backend);
            });
  }
}
