package io.dealflow.realtime.socket;

import io.dealflow.crm.events.CrmEvents;
import io.dealflow.identity.events.IdentityEvents;
import io.dealflow.insights.events.InsightsEvents;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.EventSubscription;
import io.dealflow.platform.tracing.TraceSpan;
import io.dealflow.platform.tracing.Traces;
import io.dealflow.playbook.events.PlaybookEvents;
import io.dealflow.support.events.SupportEvents;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;

/** Maps the socket paths to their protocols and feeds every socket from the event catalogue. */
@Configuration(proxyBeanMethods = false)
class SocketsConfiguration {

  /**
   * Every event type of the catalogue (docs/asyncapi.yaml) reaches the sockets of its organization;
   * each protocol picks what it shows ({@code /ws/chat/*}: its session's support events).
   */
  static final List<String> CATALOGUE =
      Stream.of(
              CrmEvents.ALL,
              IdentityEvents.ALL,
              PlaybookEvents.ALL,
              SupportEvents.ALL,
              InsightsEvents.ALL)
          .flatMap(List::stream)
          .map(EventType::topic)
          .distinct()
          .toList();

  @Bean
  HandlerMapping socketPaths(List<ProtocolHandler> protocols) {
    Map<String, WebSocketHandler> byPath =
        protocols.stream()
            .collect(
                Collectors.toMap(protocol -> protocol.endpoint().path(), protocol -> protocol));
    return new SimpleUrlHandlerMapping(byPath, Ordered.HIGHEST_PRECEDENCE);
  }

  /**
   * Every instance receives every event and hands it to its own sockets of the event's
   * organization; a replay listener keeps the buffer that reconnecting clients read.
   */
  @Bean
  EventSubscription socketFanout(
      SocketRegistry registry, List<EventListener> listeners, Traces traces) {
    return EventSubscription.everyInstance(
        "sockets",
        event -> {
          try (TraceSpan span =
              traces
                  .startHere("socket push " + event.type(), Span.Kind.PRODUCER)
                  .tag("dealflow.event.id", event.id().toString())
                  .inScope()) {
            listeners.forEach(listener -> listener.before(event));
            registry.deliver(event);
          }
        },
        CATALOGUE);
  }

  /**
   * Handshakes hand their {@code ?token=} to the socket handler and keep no copy of it, and each
   * endpoint's transport takes frames up to its own limit.
   */
  @Bean
  WebFluxConfigurer socketHandshakes(SocketSettings settings) {
    SocketHandshakes handshakes = new SocketHandshakes(settings.frames());
    return new WebFluxConfigurer() {
      @Override
      public WebSocketService getWebSocketService() {
        return handshakes;
      }
    };
  }

  /**
   * No HTTP server observation for socket handshakes: it would stay open, with its context, for the
   * whole life of each socket (hours), and time nothing useful.
   */
  @Bean
  ObservationPredicate noServerObservationOfSockets() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext server
            && SocketEndpoint.isSocketPath(server.getCarrier().getPath().value()));
  }
}
