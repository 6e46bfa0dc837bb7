package io.dealflow.platform.request;

import io.dealflow.platform.error.ApiException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;

/**
 * A reactive request whose body (one without a declared length) fails with a 413 {@link
 * ApiException} ({@link BodyLimits#tooLarge}) at the first buffer past {@code max} bytes, so that
 * nothing downstream (a handler, a proxied service) reads the rest. The gateway's and every WebFlux
 * service's body-limit filter wrap chunked requests in it.
 */
public final class LimitedBodyRequest extends ServerHttpRequestDecorator {

  private final long max;

  public LimitedBodyRequest(ServerHttpRequest request, long max) {
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
