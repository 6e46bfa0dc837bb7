package io.dealflow.gateway.body;

import io.dealflow.platform.request.BodyLimits;
import io.dealflow.platform.request.BodyLimits.PathLimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be at the edge ({@code dealflow.gateway.body-limits.*}): {@code
 * max-size} for every route, and the upload routes' own limits, which configuration overrides field
 * by field ({@code dealflow.gateway.body-limits.routes.spotlight-audio.max-size=50MB}) and may add
 * to. The services enforce the same limits themselves ({@code dealflow.api.body-limits}); keep both
 * in step.
 *
 * @param maxSize the largest body of a route without a limit of its own (JSON and anything else)
 * @param routes limits of particular paths, by name
 */
@ConfigurationProperties("dealflow.gateway.body-limits")
public record BodyLimitProperties(
    @DefaultValue("1MB") DataSize maxSize, @DefaultValue Map<String, RouteLimit> routes) {

  /**
   * One route's limit as configured; a field left out keeps its default.
   *
   * @param paths path patterns, e.g. {@code /api/v1/conversations/*}{@code /audio}
   * @param maxSize the largest body accepted on them
   */
  public record RouteLimit(@Nullable List<String> paths, @Nullable DataSize maxSize) {

    RouteLimit over(RouteLimit base) {
      return new RouteLimit(
          paths != null && !paths.isEmpty() ? paths : base.paths,
          maxSize != null ? maxSize : base.maxSize);
    }
  }

  /**
   * The upload routes: each service's file limit plus 1 MiB for the multipart envelope and its
   * other fields. crm-service: {@code dealflow.crm.uploads.max-audio-size} (25 MB), {@code
   * max-voice-sample-size} (10 MB), {@code dealflow.crm.integrations.csv.max-bytes} (5 MiB);
   * support-service's knowledge-base files: 25 MB; training-service's recorded utterance to
   * transcribe: 2 MiB of JSON (about 48 s of 16 kHz WAV as base64).
   */
  static final Map<String, RouteLimit> DEFAULT_ROUTES = defaultRoutes();

  private static Map<String, RouteLimit> defaultRoutes() {
    Map<String, RouteLimit> routes = new LinkedHashMap<>();
    routes.put(
        "spotlight-audio",
        new RouteLimit(List.of("/api/v1/conversations/*/audio"), DataSize.ofMegabytes(26)));
    routes.put(
        "spotlight-voice-sample",
        new RouteLimit(List.of("/api/v1/assistants/*/voice_sample"), DataSize.ofMegabytes(11)));
    routes.put(
        "integration-sync",
        new RouteLimit(List.of("/api/v1/integrations/*/sync"), DataSize.ofMegabytes(6)));
    routes.put(
        "trainer-voice-transcribe",
        new RouteLimit(List.of("/api/v1/voice/transcribe"), DataSize.ofMegabytes(2)));
    routes.put(
        "helioscs-files",
        new RouteLimit(List.of("/api/v1/support/files/upload"), DataSize.ofMegabytes(26)));
    return routes;
  }

  /** The limits in force: the defaults overlaid with configuration. */
  public BodyLimits limits() {
    Map<String, RouteLimit> merged = new LinkedHashMap<>(DEFAULT_ROUTES);
    routes.forEach(
        (name, limit) -> {
          RouteLimit base = merged.get(name);
          merged.put(name, base == null ? limit : limit.over(base));
        });
    List<PathLimit> paths = new ArrayList<>();
    merged.forEach(
        (name, limit) -> {
          List<String> patterns = limit.paths();
          DataSize max = limit.maxSize();
          if (patterns == null || patterns.isEmpty() || max == null) {
            throw new IllegalArgumentException(
                "dealflow.gateway.body-limits.routes." + name + " needs paths and a max-size");
          }
          paths.add(new PathLimit(name, patterns, max.toBytes()));
        });
    return new BodyLimits(maxSize, paths);
  }
}
