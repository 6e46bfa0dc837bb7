package io.dealflow.gateway.route;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Wraps the call to a service in its circuit breaker. Connection failures and timeouts count
 * against the service; any answer it gives, even a 5xx, does not: the service is reachable and
 * speaking for itself. An open breaker fails with {@code CallNotPermittedException}, which the
 * gateway answers with 503.
 */
final class CircuitBreakerFilter implements GatewayFilter, Ordered {

  private final CircuitBreaker breaker;

  CircuitBreakerFilter(CircuitBreaker breaker) {
    this.breaker = breaker;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return chain.filter(exchange).transformDeferred(CircuitBreakerOperator.of(breaker));
  }

  /** Around the routing filters, which run last. */
  @Override
  public int getOrder() {
    return 0;
  }
}
