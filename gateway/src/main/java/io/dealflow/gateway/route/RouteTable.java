package io.dealflow.gateway.route;

import static io.dealflow.gateway.route.Backend.CRM;
import static io.dealflow.gateway.route.Backend.IDENTITY;
import static io.dealflow.gateway.route.Backend.INSIGHTS;
import static io.dealflow.gateway.route.Backend.PLAYBOOK;
import static io.dealflow.gateway.route.Backend.REALTIME;
import static io.dealflow.gateway.route.Backend.SUPPORT;
import static io.dealflow.gateway.route.Backend.TRAINING;
import static io.dealflow.platform.error.ApiFamily.HELIOSCS;
import static io.dealflow.platform.error.ApiFamily.HELLOSALES;
import static io.dealflow.platform.error.ApiFamily.SPOTLIGHT;
import static io.dealflow.platform.error.ApiFamily.TRAINER;
import static io.dealflow.platform.error.ApiFamily.VECTOROS;

import io.dealflow.gateway.route.ApiRoute.Kind;
import io.dealflow.platform.error.ApiFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;

/**
 * The public API map of ARCHITECTURE.md §2. Order matters: the first route whose pattern matches a
 * path owns it, so the workspace sub-resources that crm and insights own stand before the workspace
 * routes of identity.
 */
public final class RouteTable {

  private static final String ROUTE_ATTRIBUTE = RouteTable.class.getName() + ".route";

  /** The family of the gateway's own endpoints and of paths that no route owns. */
  public static final ApiFamily GATEWAY_FAMILY = HELLOSALES;

  private static final List<ApiRoute> API_MAP =
      List.of(
          api("identity-auth", IDENTITY, TRAINER, "/api/v1/auth/**"),
          api(
              "identity-user",
              IDENTITY,
              SPOTLIGHT,
              "/users/sign_in",
              "/api/v1/user",
              "/api/v1/api_tokens/**"),
          api("identity-profile", IDENTITY, HELLOSALES, "/api/v1/profile/**", "/api/v1/orgs/**"),
          api("identity-users", IDENTITY, VECTOROS, "/api/v1/users/**"),
          api(
              "crm-workspace",
              CRM,
              VECTOROS,
              "/api/v1/workspaces/{id}/deals/**",
              "/api/v1/workspaces/{id}/integrations/**"),
          api(
              "insights-workspace",
              INSIGHTS,
              VECTOROS,
              "/api/v1/workspaces/{id}/insights/**",
              "/api/v1/workspaces/{id}/analytics/**"),
          api(
              "identity-workspaces",
              IDENTITY,
              VECTOROS,
              "/api/v1/workspaces",
              "/api/v1/workspaces/{id}",
              "/api/v1/workspaces/{id}/members/**"),
          api("crm-deals", CRM, VECTOROS, "/api/v1/deals/**", "/api/v1/integrations/**"),
          api("insights", INSIGHTS, VECTOROS, "/api/v1/insights/**", "/api/v1/chat/**"),
          api("playbook", PLAYBOOK, HELLOSALES, "/api/v1/sailwind/**"),
          api(
              "training",
              TRAINING,
              TRAINER,
              "/api/v1/scenarios/**",
              "/api/v1/sessions/**",
              "/api/v1/voice/**",
              "/api/v1/learning/**"),
          api(
              "crm",
              CRM,
              SPOTLIGHT,
              "/api/v1/assistants/**",
              "/api/v1/leads/**",
              "/api/v1/conversations/**",
              "/api/v1/appointments/**"),
          api("support", SUPPORT, HELIOSCS, "/api/v1/support/**"),
          api("realtime-webhooks", REALTIME, VECTOROS, "/api/v1/webhooks/**"),
          socket("ws-hellosales", HELLOSALES, "/ws"),
          socket("ws-trainer", TRAINER, "/ws/voice/**"),
          socket("ws-helioscs", HELIOSCS, "/ws/chat/**"),
          socket("ws-vectoros", VECTOROS, "/ws/events"),
          socket("ws-spotlight", SPOTLIGHT, "/cable"));

  private static final RouteTable STANDARD = new RouteTable(withDocs(API_MAP));

  private final List<ApiRoute> routes;

  private RouteTable(List<ApiRoute> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The API map plus one route per service to its OpenAPI document. */
  public static RouteTable standard() {
    return STANDARD;
  }

  /** Where the gateway serves a service's OpenAPI document. */
  public static String docsPath(Backend backend) {
    return "/v3/api-docs/" + backend.id();
  }

  public List<ApiRoute> routes() {
    return routes;
  }

  public Optional<ApiRoute> resolve(PathContainer path) {
    for (ApiRoute route : routes) {
      if (route.matches(path)) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }

  public Optional<ApiRoute> resolve(String path) {
    return resolve(PathContainer.parsePath(path));
  }

  /** The family whose error format a path answers in. */
  public ApiFamily familyOf(String path) {
    return resolve(path).map(ApiRoute::family).orElse(GATEWAY_FAMILY);
  }

  /**
   * The route of a request, resolved once per exchange: the security, rate-limit and error code all
   * ask, and must all get the same answer.
   */
  @SuppressWarnings("unchecked")
  public Optional<ApiRoute> routeOf(ServerWebExchange exchange) {
    return (Optional<ApiRoute>)
        exchange
            .getAttributes()
            .computeIfAbsent(
                ROUTE_ATTRIBUTE,
                key -> resolve(exchange.getRequest().getPath().pathWithinApplication()));
  }

  public ApiFamily familyOf(ServerWebExchange exchange) {
    return routeOf(exchange).map(ApiRoute::family).orElse(GATEWAY_FAMILY);
  }

  /** Every pattern of the routes of one kind, e.g. the WebSocket handshake paths. */
  public List<String> patterns(Kind kind) {
    return routes.stream().filter(r -> r.kind() == kind).flatMap(r -> r.paths().stream()).toList();
  }

  private static List<ApiRoute> withDocs(List<ApiRoute> apiMap) {
    List<ApiRoute> all = new ArrayList<>(apiMap);
    for (Backend backend : Backend.values()) {
      all.add(
          ApiRoute.of(
              "docs-" + backend.id(),
              Kind.DOCS,
              backend,
              GATEWAY_FAMILY,
              List.of(docsPath(backend))));
    }
    return all;
  }

  private static ApiRoute api(String id, Backend backend, ApiFamily family, String... patterns) {
    return ApiRoute.of(id, Kind.API, backend, family, Arrays.asList(patterns));
  }

  private static ApiRoute socket(String id, ApiFamily family, String... patterns) {
    return ApiRoute.of(id, Kind.WEBSOCKET, REALTIME, family, Arrays.asList(patterns));
  }
}
