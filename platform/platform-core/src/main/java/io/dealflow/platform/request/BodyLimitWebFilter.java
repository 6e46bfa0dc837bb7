package io.dealflow.platform.request;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
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
 * family format, for the gateway and every WebFlux service alike: at once when {@code
 * Content-Length} declares more, and otherwise (chunked bodies) by failing the body stream with a
 * 413 {@link ApiException} at the first buffer past the limit, so that nothing downstream (a
 * handler, a proxied service) reads the rest. Runs before security, so that a large anonymous body
 * is not read either.
 */
public final class BodyLimitWebFilter implements WebFilter, Ordered {

  /** Writes a refusal in the format of the request's route (the gateway's or a service's own). */
  @FunctionalInterface
  public interface Refusals {
    Mono<Void> write(ServerWebExchange exchange, ApiError error);
  }

  private final BodyLimits limits;
  private final Refusals refusals;
  private final int order;

  /**
   * @param order where the filter runs: after whatever renders errors and assigns request ids,
   *     before security
   */
  public BodyLimitWebFilter(BodyLimits limits, Refusals refusals, int order) {
    this.limits = limits;
    this.refusals = refusals;
    this.order = order;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long max = limits.maxBytes(request.getPath().pathWithinApplication().value());
    long declared = request.getHeaders().getContentLength();
    if (declared > max) {
      return refusals.write(exchange, BodyLimits.tooLarge(max));
    }
    if (declared >= 0) {
      return chain.filter(exchange);
    }
    return chain.filter(exchange.mutate().request(new LimitedRequest(request, max)).build());
  }

  @Override
  public int getOrder() {
    return order;
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
