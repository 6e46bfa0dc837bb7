package io.dealflow.platform.error;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which API family a service's paths belong to ({@code dealflow.api.*}), so that its errors take
 * that family's format. A service of one family only sets {@code default-family}.
 *
 * @param defaultFamily the family of every path no pattern claims
 * @param families Ant path patterns per family, e.g. {@code trainer: [/api/v1/auth/**]}
 */
@ConfigurationProperties("dealflow.api")
public record ApiProperties(
    @DefaultValue("vectoros") ApiFamily defaultFamily,
    @DefaultValue Map<ApiFamily, List<String>> families) {

  public ApiFamilyResolver resolver() {
    Map<ApiFamily, List<String>> patterns = new EnumMap<>(ApiFamily.class);
    patterns.putAll(families);
    return new ApiFamilyResolver(patterns, defaultFamily);
  }
}
