package io.dealflow.gateway.ratelimit;

import io.dealflow.gateway.ratelimit.FixedWindowLimiter.Limit;
import io.dealflow.gateway.ratelimit.RateLimitDecision.Usage;
import io.dealflow.gateway.ratelimit.RateLimitProperties.KeyBy;
import io.dealflow.gateway.route.ApiRoute;
import io.dealflow.gateway.route.RouteTable;
import io.dealflow.gateway.security.Caller;
import io.dealflow.gateway.web.ClientAddresses;
import io.dealflow.gateway.web.GatewayErrors;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiFamily;
import io.dealflow.platform.error.ErrorKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies the rate limits to API requests (not to WebSocket handshakes, docs or the gateway's own
 * endpoints): the policies of the route's API family and path, and on the plan's families
 * (VectorOS) the organization's plan. Runs after authentication, so per-user limits count the
 * token's subject; anonymous requests count by client address. Every checked response carries
 * {@code X-RateLimit-*}; a refused one is a 429 with {@code Retry-After} in the route's error
 * format.
 */
final class RateLimitFilter implements WebFilter, Ordered {

  static final String LIMIT = "X-RateLimit-Limit";
  static final String REMAINING = "X-RateLimit-Remaining";
  static final String RESET = "X-RateLimit-Reset";

  private final RateLimitProperties properties;
  private final List<RateLimitPolicy> policies;
  private final FixedWindowLimiter limiter;
  private final RouteTable routes;
  private final ClientAddresses clients;
  private final GatewayErrors errors;
  private final Clock clock;

  RateLimitFilter(
      RateLimitProperties properties,
      FixedWindowLimiter limiter,
      RouteTable routes,
      ClientAddresses clients,
      GatewayErrors errors,
      Clock clock) {
    this.properties = properties;
    this.policies = properties.effectivePolicies();
    this.limiter = limiter;
    this.routes = routes;
    this.clients = clients;
    this.errors = errors;
    this.clock = clock;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Optional<ApiRoute> route = routes.routeOf(exchange);
    if (!properties.enabled() || route.isEmpty() || route.get().kind() != ApiRoute.Kind.API) {
      return chain.filter(exchange);
    }
    List<Limit> limits = limitsFor(exchange, route.get().family(), Caller.of(exchange));
    return limiter
        .check(limits)
        .flatMap(
            decision ->
                decision.isPresent()
                    ? enforce(exchange, chain, decision.get())
                    : chain.filter(exchange));
  }

  List<Limit> limitsFor(ServerWebExchange exchange, ApiFamily family, @Nullable Caller caller) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    String address = clients.clientIp(exchange.getRequest());
    List<Limit> limits = new ArrayList<>();
    for (RateLimitPolicy policy : policies) {
      if (policy.appliesTo(family, path)) {
        String who =
            policy.key() == KeyBy.USER && caller != null
                ? "user:" + caller.subject()
                : "ip:" + address;
        limits.add(
            new Limit(policy.name(), policy.name() + ":" + who, policy.limit(), policy.window()));
      }
    }
    if (caller != null && caller.orgId() != null && properties.planApplies(family)) {
      String org = caller.orgId().toString();
      String plan = properties.planOf(org, caller.plan());
      limits.add(
          new Limit(
              "plan:" + plan,
              "plan:org:" + org,
              properties.planLimit(plan),
              properties.planWindow()));
    }
    return limits;
  }

  private Mono<Void> enforce(
      ServerWebExchange exchange, WebFilterChain chain, RateLimitDecision decision) {
    Usage reported = decision.reported();
    ServerHttpResponse response = exchange.getResponse();
    // Set at commit time, so that a service's own headers of the same name cannot replace them.
    response.beforeCommit(
        () -> {
          HttpHeaders headers = response.getHeaders();
          headers.set(LIMIT, Long.toString(reported.limit()));
          headers.set(REMAINING, Long.toString(reported.remaining()));
          headers.set(RESET, Long.toString(reported.resetEpochSeconds()));
          return Mono.empty();
        });
    if (decision.allowed()) {
      return chain.filter(exchange);
    }
    long retryAfter = decision.retryAfterSeconds(clock.millis());
    ApiError error =
        ApiError.of(ErrorKind.RATE_LIMITED, "Too many requests. Please try again later.")
            .withMeta("retry_after", retryAfter)
            .withMeta("limit", reported.policy());
    return errors.write(
        exchange,
        error,
        headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
  }

  /** After the caller is known (see {@code CallerFilter}). */
  @Override
  public int getOrder() {
    return -80;
  }
}
