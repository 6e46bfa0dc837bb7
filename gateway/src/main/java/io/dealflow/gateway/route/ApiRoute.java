package io.dealflow.gateway.route;

import io.dealflow.platform.error.ApiFamily;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One line of the public API map: the paths, the service that owns them, and the API family whose
 * wire format they speak.
 *
 * @param id a stable name, used as the gateway route id and in metrics
 * @param kind how the gateway treats the route
 * @param backend the owning service
 * @param family the API family of the paths, which fixes the format of the gateway's own errors
 * @param patterns path patterns ({@code {id}} or {@code *} for one segment, {@code /**} for the
 *     rest)
 */
public record ApiRoute(
    String id, Kind kind, Backend backend, ApiFamily family, List<PathPattern> patterns) {

  /** How the gateway treats a route. */
  public enum Kind {
    /** REST: bearer token required (unless public), rate limited, timed out, circuit broken. */
    API,
    /** A WebSocket handshake, passed through without a token: realtime-service authenticates. */
    WEBSOCKET,
    /** A service's OpenAPI document, public and fetched from the service's {@code /v3/api-docs}. */
    DOCS
  }

  public ApiRoute {
    patterns = List.copyOf(patterns);
  }

  static ApiRoute of(String id, Kind kind, Backend backend, ApiFamily family, List<String> paths) {
    return new ApiRoute(
        id,
        kind,
        backend,
        family,
        paths.stream().map(PathPatternParser.defaultInstance::parse).toList());
  }

  /** The patterns as written, e.g. {@code /api/v1/leads/**}. */
  public List<String> paths() {
    return patterns.stream().map(PathPattern::getPatternString).toList();
  }

  public boolean matches(PathContainer path) {
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }

  public boolean matches(String path) {
    return matches(PathContainer.parsePath(path));
  }
}
