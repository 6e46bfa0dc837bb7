package io.dealflow.platform.tracing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns tracing on exactly when an OTLP endpoint is configured ({@value #ENDPOINT}, from the
 * environment {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}).
 *
 * <ul>
 *   <li>On: every trace is sampled unless {@code management.tracing.sampling.probability} says
 *       otherwise, JDBC calls are spans (connections and statements, not result sets).
 *   <li>Off: Spring Boot's OpenTelemetry and Micrometer Tracing auto-configurations are excluded,
 *       so no tracer, no span processor or exporter thread, no tracing handler on any observation,
 *       and no JDBC proxy; requests, events and webhooks still carry the caller's {@code
 *       traceparent} as before.
 * </ul>
 *
 * <p>OpenTelemetry's log export is always excluded: logs go to standard output.
 */
public final class TracingSwitch implements EnvironmentPostProcessor, Ordered {

  public static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

  static final String SOURCE = "dealflowTracing";
  static final String DEFAULTS = "dealflowTracingDefaults";
  private static final String EXCLUDE = "spring.autoconfigure.exclude";

  static final List<String> LOG_EXPORT =
      List.of(
          "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
          "org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration");

  static final List<String> TRACING =
      List.of(
          "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
          "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
          "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
          "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration",
          "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
          "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
          "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration");

  /** Whether the environment configures an OTLP endpoint for traces. */
  public static boolean on(ConfigurableEnvironment environment) {
    return StringUtils.hasText(environment.getProperty(ENDPOINT));
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    boolean on = on(environment);
    Set<String> excluded = new LinkedHashSet<>();
    Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).ifBound(excluded::addAll);
    excluded.addAll(LOG_EXPORT);
    Map<String, Object> defaults = new LinkedHashMap<>();
    if (on) {
      defaults.put("management.tracing.sampling.probability", "1.0");
      defaults.put("jdbc.includes", "connection,query");
    } else {
      excluded.addAll(TRACING);
      defaults.put("jdbc.datasource-proxy.enabled", "false");
    }
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource(SOURCE, Map.of(EXCLUDE, String.join(",", excluded))));
    environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));
  }

  /** After the configuration files are read, so that they can name the endpoint. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
