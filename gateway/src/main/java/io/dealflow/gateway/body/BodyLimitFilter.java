package io.dealflow.gateway.body;

import io.dealflow.gateway.web.GatewayErrors;
import io.dealflow.platform.request.BodyLimits;
import io.dealflow.platform.request.LimitedBodyRequest;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than their route's limit with 413 in the route's error format. A
 * declared {@code Content-Length} over the limit is refused at once, before authentication and
 * before any service is called. A body without a length (chunked) is counted as it streams to the
 * service; at the first buffer past the limit the stream fails, the call to the service is
 * abandoned (the service never gets the rest, nor the end of the request) and the client gets the
 * 413 ({@link GatewayErrors} renders the {@link io.dealflow.platform.error.ApiException}).
 */
final class BodyLimitFilter implements WebFilter, Ordered {

  private final BodyLimits limits;
  private final GatewayErrors errors;

  BodyLimitFilter(BodyLimits limits, GatewayErrors errors) {
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

  /** Right after the edge filter (request id, error rendering), before security. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
