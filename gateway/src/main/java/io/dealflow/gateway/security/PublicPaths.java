package io.dealflow.gateway.security;

import io.dealflow.gateway.route.ApiRoute.Kind;
import io.dealflow.gateway.route.RouteTable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The paths that need no token. A token sent to one of them is not even read: a stale token must
 * not stop a user from logging in again.
 */
final class PublicPaths {

  /** Logging in and the gateway's own operational and documentation endpoints. */
  static final List<String> GATEWAY =
      List.of(
          "/api/v1/auth/login",
          "/api/v1/auth/register",
          "/api/v1/auth/refresh",
          "/users/sign_in",
          "/api/v1",
          "/health",
          "/health/ready",
          "/metrics",
          // The actuator answers on the management port only, which nothing routes to from
          // outside (probes, Prometheus); on the API port these paths answer 404.
          "/actuator/**",
          "/docs",
          "/docs/**",
          "/redoc",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/webjars/**",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/favicon.ico");

  private PublicPaths() {}

  /**
   * The gateway's public paths, the WebSocket handshakes (browsers cannot send an {@code
   * Authorization} header on them; realtime-service authenticates the socket) and any configured in
   * {@code dealflow.security.public-paths}.
   */
  static List<String> all(RouteTable routes, List<String> configured) {
    List<String> all = new ArrayList<>(GATEWAY);
    all.addAll(routes.patterns(Kind.WEBSOCKET));
    all.addAll(routes.patterns(Kind.DOCS));
    all.addAll(configured);
    return List.copyOf(all);
  }

  static ServerWebExchangeMatcher matcher(List<String> paths) {
    return ServerWebExchangeMatchers.pathMatchers(paths.toArray(String[]::new));
  }
}
