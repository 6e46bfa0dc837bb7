package io.dealflow.platform.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * A service's request body limits ({@code dealflow.api.max-body-size}, {@code
 * dealflow.api.body-limits.<name>.*}). A service with upload routes names them here with the limit
 * of its own upload settings plus room for the multipart envelope, and the gateway's {@code
 * dealflow.gateway.body-limits} says the same.
 *
 * @param maxBodySize the largest body of any path no named limit covers
 * @param bodyLimits limits for particular paths, by name (e.g. {@code spotlight-audio})
 */
@ConfigurationProperties("dealflow.api")
public record BodyLimitProperties(
    @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue Map<String, Limit> bodyLimits) {

  /**
   * @param paths Ant path patterns, e.g. {@code /api/v1/conversations/*}{@code /audio}
   * @param maxSize the largest body accepted on them
   */
  public record Limit(@DefaultValue List<String> paths, @Nullable DataSize maxSize) {}

  public BodyLimits limits() {
    List<BodyLimits.PathLimit> paths = new ArrayList<>();
    bodyLimits.forEach(
        (name, limit) -> {
          DataSize max = limit.maxSize();
          if (max == null) {
            throw new IllegalArgumentException(
                "dealflow.api.body-limits." + name + " needs a max-size");
          }
          paths.add(new BodyLimits.PathLimit(name, limit.paths(), max.toBytes()));
        });
    return new BodyLimits(maxBodySize, paths);
  }
}
