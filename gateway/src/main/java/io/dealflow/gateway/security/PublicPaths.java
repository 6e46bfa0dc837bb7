package io.dealflow.gateway.security;

import io.dealflow.gateway.route.ApiRoute.Kind;
import io.dealflow.gateway.route.RouteTable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

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

  private static final String ATTRIBUTE = PublicPaths.class.getName() + ".public";

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

  /**
   * Matches a request whose path is one of {@code paths}, deciding once per request: Spring
   * Security asks twice (the bearer token's converter and the authorization rule), and its own path
   * matchers would go through every pattern as a reactive stream each time.
   */
  static ServerWebExchangeMatcher matcher(List<String> paths) {
    List<PathPattern> patterns =
        paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    return exchange -> {
      Boolean known = exchange.getAttribute(ATTRIBUTE);
      if (known == null) {
        known = matches(patterns, exchange.getRequest().getPath().pathWithinApplication());
        exchange.getAttributes().put(ATTRIBUTE, known);
      }
      return known ? MatchResult.match() : MatchResult.notMatch();
    };
  }

  private static boolean matches(List<PathPattern> patterns, PathContainer path) {
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
