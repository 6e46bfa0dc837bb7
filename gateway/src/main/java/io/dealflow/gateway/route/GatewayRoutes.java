package io.dealflow.gateway.route;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import io.dealflow.gateway.GatewayProperties;
import io.dealflow.gateway.route.ApiRoute.Kind;
import io.dealflow.gateway.web.ClientAddresses;
import io.dealflow.platform.error.ApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.SetPathGatewayFilterFactory;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/** Turns the {@link RouteTable} into Spring Cloud Gateway routes. */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

  @Bean
  RouteTable routeTable() {
    return RouteTable.standard();
  }

  @Bean
  ClientAddresses clientAddresses(GatewayProperties properties) {
    return new ClientAddresses(properties.trustedProxies());
  }

  @Bean
  ForwardedHeaders forwardedHeaders(ClientAddresses clients) {
    return new ForwardedHeaders(clients);
  }

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry(GatewayProperties properties) {
    GatewayProperties.CircuitBreakerSettings settings = properties.circuitBreaker();
    return CircuitBreakerRegistry.of(
        CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRateThreshold())
            .slidingWindowSize(settings.slidingWindowSize())
            .minimumNumberOfCalls(settings.minimumCalls())
            .waitDurationInOpenState(settings.waitInOpenState())
            .permittedNumberOfCallsInHalfOpenState(3)
            // A call the gateway abandons for the client's sake (a body over its limit) says
            // nothing about the service.
            .ignoreExceptions(ApiException.class)
            .build());
  }

  @Bean
  MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry registry) {
    return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry);
  }

  @Bean
  TableRoutes apiRoutes(
      RouteTable table, GatewayProperties properties, CircuitBreakerRegistry breakers) {
    List<Route> routes = new ArrayList<>();
    SetPathGatewayFilterFactory setPath = new SetPathGatewayFilterFactory();
    int order = 0;
    for (ApiRoute api : table.routes()) {
      Route.AsyncBuilder route =
          Route.async()
              .id(api.id())
              .order(order++)
              .uri(properties.uri(api.backend()))
              .predicate(exchange -> owns(table, exchange, api))
              .metadata(CONNECT_TIMEOUT_ATTR, properties.connectTimeout().toMillis());
      if (api.kind() != Kind.WEBSOCKET) {
        route.metadata(RESPONSE_TIMEOUT_ATTR, properties.timeout(api.backend()).toMillis());
        if (properties.circuitBreaker().enabled()) {
          route.filter(
              new CircuitBreakerFilter(breakers.circuitBreaker(api.backend().serviceName())));
        }
      }
      if (api.kind() == Kind.DOCS) {
        // Ordered explicitly: an unordered route filter would run after the request was sent.
        route.filter(
            new OrderedGatewayFilter(
                setPath.apply(config -> config.setTemplate("/v3/api-docs")), 1));
      }
      routes.add(route.build());
    }
    return new TableRoutes(routes);
  }

  /** Replaces Spring Cloud Gateway's own mapping, which tries the routes one by one. */
  @Bean
  RoutePredicateHandlerMapping routePredicateHandlerMapping(
      FilteringWebHandler handler,
      TableRoutes routes,
      RouteTable table,
      GlobalCorsProperties cors,
      Environment environment) {
    return new TableRouteMapping(handler, routes, table, cors, environment);
  }

  /** Whether the table gives this request to this route: first match wins, as in the table. */
  private static boolean owns(RouteTable table, ServerWebExchange exchange, ApiRoute api) {
    Optional<ApiRoute> owner = table.routeOf(exchange);
    return owner.isPresent() && owner.get().equals(api);
  }
}
