package io.dealflow.gateway.ratelimit;

import io.dealflow.gateway.ratelimit.RateLimitProperties.KeyBy;
import io.dealflow.platform.error.ApiFamily;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One limit in force: at most {@code limit} requests per {@code window} on these paths of routes of
 * these API families (of every family when none is named).
 */
public record RateLimitPolicy(
    String name,
    long limit,
    Duration window,
    KeyBy key,
    List<PathPattern> patterns,
    Set<ApiFamily> families) {

  public RateLimitPolicy {
    patterns = List.copyOf(patterns);
    families = Set.copyOf(families);
  }

  static RateLimitPolicy of(
      String name,
      long limit,
      Duration window,
      KeyBy key,
      List<String> paths,
      List<ApiFamily> families) {
    return new RateLimitPolicy(
        name,
        limit,
        window,
        key,
        paths.stream().map(PathPatternParser.defaultInstance::parse).toList(),
        Set.copyOf(families));
  }

  /** Whether the policy counts a request to this path on a route of this family. */
  public boolean appliesTo(ApiFamily family, PathContainer path) {
    return (families.isEmpty() || families.contains(family)) && appliesTo(path);
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
