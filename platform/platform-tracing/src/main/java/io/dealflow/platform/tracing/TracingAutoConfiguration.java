package io.dealflow.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link Traces} for every service and the gateway: spans when {@link TracingSwitch} turned tracing
 * on, {@link Traces#OFF} otherwise.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"
    })
public class TracingAutoConfiguration {

  static final String ACTUATOR = "/actuator";

  @Bean
  @ConditionalOnMissingBean
  Traces dealflowTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    Tracer found = tracer.getIfUnique();
    Propagator propagation = propagator.getIfUnique();
    return found == null || propagation == null || found == Tracer.NOOP
        ? Traces.OFF
        : new Traces(found, propagation);
  }

  /**
   * With tracing on, probes and scrapes on the management port (every few seconds, from the
   * orchestrator and Prometheus) are not observed: they would be traces of their own, with the JDBC
   * calls of the gauges they read.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Tracer.class)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class ServletActuator {
    @Bean
    ObservationPredicate dealflowNoActuatorObservations() {
      return (name, context) ->
          !(context
                  instanceof
                  org.springframework.http.server.observation.ServerRequestObservationContext server
              && server.getCarrier().getRequestURI().startsWith(ACTUATOR));
    }
  }

  /** The same for WebFlux services and the gateway. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Tracer.class)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  static class ReactiveActuator {
    @Bean
    ObservationPredicate dealflowNoActuatorObservations() {
      return (name, context) ->
          !(context
                  instanceof
                  org.springframework.http.server.reactive.observation
                          .ServerRequestObservationContext
                      server
              && server.getCarrier().getPath().value().startsWith(ACTUATOR));
    }
  }
}
