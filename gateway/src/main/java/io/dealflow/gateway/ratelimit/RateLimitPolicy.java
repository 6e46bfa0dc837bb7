package io.dealflow.gateway.ratelimit;

import io.dealflow.gateway.ratelimit.RateLimitProperties.KeyBy;
import java.time.Duration;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One limit in force: at most {@code limit} requests per {@code window} on these paths. */
public record RateLimitPolicy(
    String name, long limit, Duration window, KeyBy key, List<PathPattern> patterns) {

  public RateLimitPolicy {
    patterns = List.copyOf(patterns);
  }

  static RateLimitPolicy of(
      String name, long limit, Duration window, KeyBy key, List<String> paths) {
    return new RateLimitPolicy(
        name,
        limit,
        window,
        key,
        paths.stream().map(PathPatternParser.defaultInstance::parse).toList());
  }

  public boolean appliesTo(PathContainer path) {
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
