package io.dealflow.realtime.socket;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Short asynchronous steps of a socket's life (checking its token, claiming its place), each run in
 * a subscription of its own.
 *
 * <p>A socket's reactive chain lives as long as the socket (hours), and an operator keeps its
 * upstream subscription even after that upstream completed: a step chained in directly would keep
 * everything it touched (a decoded token, a Redis script's arguments and buffers) reachable for the
 * socket's whole life. Run detached, a step lets go of all of it when it ends, and the chain keeps
 * only its result.
 */
public final class Detached {

  private Detached() {}

  /** The step's result; the step is assembled when subscribed, and only once. */
  public static <T> Mono<T> step(Supplier<Mono<T>> step) {
    AtomicReference<@Nullable Supplier<Mono<T>>> once = new AtomicReference<>(step);
    return Mono.create(
        sink -> {
          Supplier<Mono<T>> pending = once.getAndSet(null);
          if (pending == null) {
            sink.success();
            return;
          }
          sink.onDispose(pending.get().subscribe(sink::success, sink::error, sink::success));
        });
  }
}
