package io.dealflow.gateway.route;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;

import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds a request's Spring Cloud Gateway route by asking the {@link RouteTable} once, instead of
 * testing the routes' predicates one after the other as reactive streams (the API map has a dozen
 * routes before some of the busiest). The table's answer is the same one the routes' predicates
 * give, so the result does not change, only its cost.
 */
final class TableRouteMapping extends RoutePredicateHandlerMapping {

  private final RouteTable table;
  private final Map<String, Route> routes;

  TableRouteMapping(
      FilteringWebHandler handler,
      TableRoutes routes,
      RouteTable table,
      GlobalCorsProperties cors,
      Environment environment) {
    super(handler, routes, cors, environment);
    this.table = table;
    this.routes = routes.byId();
  }

  @Override
  protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
    Optional<ApiRoute> api = table.routeOf(exchange);
    if (api.isEmpty()) {
      return Mono.empty();
    }
    Route route = routes.get(api.get().id());
    if (route == null) {
      return Mono.empty();
    }
    exchange.getAttributes().put(GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
    return Mono.just(route);
  }
}
