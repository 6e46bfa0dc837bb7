package io.dealflow.platform.reactive;

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
    return chain.filter(exchange.mutate().request(new LimitedRequest(request, max)).build());
  }

  /** Right after the request id ({@link RequestIdWebFilter}), before security. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  /** A request whose body fails with a 413 once more than {@code max} bytes have arrived. */
  private static final class LimitedRequest extends ServerHttpRequestDecorator {

    private final long max;

    LimitedRequest(ServerHttpRequest request, long max) {
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
