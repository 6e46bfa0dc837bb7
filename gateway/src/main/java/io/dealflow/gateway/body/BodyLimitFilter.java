package io.dealflow.gateway.body;

import io.dealflow.gateway.web.GatewayErrors;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.request.BodyLimits;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than their route's limit with 413 in the route's error format. A
 * declared {@code Content-Length} over the limit is refused at once, before authentication and
 * before any service is called. A body without a length (chunked) is counted as it streams to the
 * service; at the first buffer past the limit the stream fails, the call to the service is
 * abandoned (the service never gets the rest, nor the end of the request) and the client gets the
 * 413 ({@link GatewayErrors} renders the {@link ApiException}).
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
    return chain.filter(exchange.mutate().request(new CountedRequest(request, max)).build());
  }

  /** Right after the edge filter (request id, error rendering), before security. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  /** A request whose body fails with a 413 once more than {@code max} bytes have arrived. */
  private static final class CountedRequest extends ServerHttpRequestDecorator {

    private final long max;

    CountedRequest(ServerHttpRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.defer(
          () -> {
            AtomicLong read = new AtomicLong();
            return super.getBody()
                .handle(
                    (buffer, sink) -> {
                      if (read.addAndGet(buffer.readableByteCount()) > max) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ApiException(BodyLimits.tooLarge(max)));
                      } else {
                        sink.next(buffer);
                      }
                    });
          });
    }
  }
}
