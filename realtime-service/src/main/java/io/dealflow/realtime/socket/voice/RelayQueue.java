package io.dealflow.realtime.socket.voice;

import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The client's messages on their way to training-service, bounded by their size: a client that
 * sends faster than training-service takes its audio is told so, not buffered without end.
 */
final class RelayQueue {

  private final long maxChars;
  private final AtomicLong queued = new AtomicLong();
  private final Sinks.Many<String> messages = Sinks.many().unicast().onBackpressureBuffer();

  RelayQueue(long maxChars) {
    this.maxChars = maxChars;
  }

  /**
   * Queues a message; once the call has ended (either side) what comes after is dropped.
   *
   * @return false when it does not fit: nothing was queued
   */
  synchronized boolean offer(String message) {
    if (queued.addAndGet(message.length()) > maxChars) {
      queued.addAndGet(-message.length());
      return false;
    }
    messages.tryEmitNext(message);
    return true;
  }

  /** A message has been written to training-service: it no longer counts. */
  void sent(String message) {
    queued.addAndGet(-message.length());
  }

  /** No more messages: the client has gone. */
  synchronized void end() {
    messages.tryEmitComplete();
  }

  /** The messages, once, for the one upstream socket. */
  Flux<String> messages() {
    return messages.asFlux();
  }
}
