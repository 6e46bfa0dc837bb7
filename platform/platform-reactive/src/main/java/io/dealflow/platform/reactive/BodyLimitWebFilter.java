package io.dealflow.platform.reactive;

import io.dealflow.platform.request.BodyLimits;
import io.dealflow.platform.request.LimitedBodyRequest;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than the path's limit ({@link BodyLimits}) with 413 in the route's
 * family format: at once when {@code Content-Length} declares more, and otherwise (chunked bodies)
 * by failing the body stream at the first buffer past the limit, so that no handler reads the rest.
 * Runs before security, so that a large anonymous body is not read either.
 */
public final class BodyLimitWebFilter implements WebFilter, Ordered {

  private final BodyLimits limits;
  private final ReactiveErrors errors;

  public BodyLimitWebFilter(BodyLimits limits, ReactiveErrors errors) {
    this.limits = limits;
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long max = limits.maxBytes(request.getPath().pathWithinApplication().value());
    long declared = request.getHeaders().getContentLength();
    if (declared > max) {
      return errors.write(exchange, BodyLimits.tooLarge(max));
    }
    if (declared >= 0) {
      return chain.filter(exchange);
    }
    return chain.filter(exchange.mutate().request(new LimitedBodyRequest(request, max)).build());
  }

  /** Right after the request id ({@link RequestIdWebFilter}), before security. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
