package io.dealflow.gateway.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import reactor.core.publisher.Flux;

/** The gateway's routes, one per {@link ApiRoute} of the table, found by the API route's id. */
final class TableRoutes implements RouteLocator {

  private final List<Route> routes;
  private final Map<String, Route> byId;

  TableRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
    Map<String, Route> ids = new LinkedHashMap<>();
    routes.forEach(route -> ids.put(route.getId(), route));
    this.byId = Map.copyOf(ids);
  }

  @Override
  public Flux<Route> getRoutes() {
    return Flux.fromIterable(routes);
  }

  Map<String, Route> byId() {
    return byId;
  }
}
