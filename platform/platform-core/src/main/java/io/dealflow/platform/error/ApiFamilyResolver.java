package io.dealflow.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.AntPathMatcher;

/**
 * Tells which API family a request path belongs to, from path patterns per family (Ant style, e.g.
 * {@code /api/v1/auth/**}). The first family whose pattern matches wins; paths that match none
 * belong to the default family.
 */
public final class ApiFamilyResolver {

  private record Rule(String pattern, ApiFamily family) {}

  private final AntPathMatcher matcher = new AntPathMatcher();
  private final List<Rule> rules;
  private final ApiFamily defaultFamily;

  public ApiFamilyResolver(Map<ApiFamily, List<String>> patterns, ApiFamily defaultFamily) {
    List<Rule> all = new ArrayList<>();
    patterns.forEach((family, list) -> list.forEach(p -> all.add(new Rule(p, family))));
    this.rules = List.copyOf(all);
    this.defaultFamily = defaultFamily;
  }

  public static ApiFamilyResolver single(ApiFamily family) {
    return new ApiFamilyResolver(Map.of(), family);
  }

  public ApiFamily resolve(String path) {
    for (Rule rule : rules) {
      if (matcher.match(rule.pattern(), path)) {
        return rule.family();
      }
    }
    return defaultFamily;
  }
}
