package io.dealflow.realtime.socket;

import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.platform.security.Tenant;
import io.dealflow.realtime.socket.SocketAuthenticator.SocketUser;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.channel.AbortedException;
import reactor.util.concurrent.Queues;

/**
 * One open socket: its outbound queue, its keep-alive pings, its idle and authentication timeouts,
 * and, once authenticated, its place in the {@link SocketRegistry}. Protocol handlers decide what
 * the text frames mean; this class decides how long the socket lives and how it ends.
 */
public final class SocketConnection {

  private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
  private static final byte[] PING = "dealflow".getBytes(StandardCharsets.US_ASCII);

  /** Frames merged ahead of the socket's writes: small, as each socket has its own buffers. */
  private static final int MERGE_PREFETCH = 8;

  private final WebSocketSession session;
  private final SocketEndpoint endpoint;
  private final SocketSettings settings;
  private final SocketRegistry registry;
  private final long socketId;
  private final Sinks.Many<String> outbound;
  private final Sinks.Empty<Void> stopped = Sinks.empty();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicReference<@Nullable CloseStatus> closing = new AtomicReference<>();
  private volatile @Nullable Tenant tenant;
  private volatile long validUntilMillis = Long.MAX_VALUE;
  private volatile long lastInbound = System.nanoTime();
  private volatile Consumer<ReceivedEvent> listener = event -> {};

  public SocketConnection(
      WebSocketSession session,
      SocketEndpoint endpoint,
      SocketSettings settings,
      SocketRegistry registry) {
    this.session = session;
    this.endpoint = endpoint;
    this.settings = settings;
    this.registry = registry;
    this.socketId = registry.nextSocketId();
    // A queue that grows in small chunks: most sockets hold nothing most of the time, so the limit
    // is counted ({@link #pending}) instead of pre-allocated for every socket.
    this.outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>unbounded(16).get());
  }

  public SocketEndpoint endpoint() {
    return endpoint;
  }

  public WebSocketSession session() {
    return session;
  }

  public @Nullable Tenant tenant() {
    return tenant;
  }

  /**
   * Serves the socket until either side closes it: every inbound text frame goes to {@code onText}
   * in order, one at a time.
   */
  public Mono<Void> serve(Function<String, Mono<Void>> onText) {
    return serve(Integer.MAX_VALUE, bytes -> Mono.empty(), inbound -> onText.apply(inbound.text()));
  }

  /** A text frame (or a message of fragments) from the client, and its size as it came. */
  public record Inbound(String text, int bytes) {}

  /**
   * Serves the socket as {@link #serve(Function)} does, but a message larger than {@code maxBytes}
   * is not decoded: {@code onTooLarge} hears its size instead, and the socket stays open.
   */
  public Mono<Void> serve(
      int maxBytes, IntFunction<Mono<Void>> onTooLarge, Function<Inbound, Mono<Void>> onText) {
    Flux<WebSocketMessage> texts =
        outbound.asFlux().doOnNext(text -> pending.decrementAndGet()).map(session::textMessage);
    Flux<WebSocketMessage> pings =
        Flux.interval(settings.pingInterval())
            .takeUntilOther(stopped.asMono())
            .filter(tick -> stillAlive())
            .map(tick -> session.pingMessage(factory -> factory.wrap(PING)));
    Mono<Void> send =
        session
            .send(Flux.merge(MERGE_PREFETCH, texts, pings))
            .onErrorResume(failure -> Mono.empty())
            .then(Mono.defer(this::closeSession));
    Mono<Void> receive =
        session
            .receive()
            .doOnNext(message -> lastInbound = System.nanoTime())
            .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
            .map(
                message -> {
                  int bytes = message.getPayload().readableByteCount();
                  // Decoded here, while the frame's buffer is certainly still held.
                  return bytes > maxBytes
                      ? new Inbound("", bytes)
                      : new Inbound(message.getPayloadAsText(), bytes);
                })
            .concatMap(
                inbound ->
                    inbound.bytes() > maxBytes
                        ? onTooLarge.apply(inbound.bytes())
                        : onText.apply(inbound))
            .onErrorResume(
                failure -> {
                  if (AbortedException.isConnectionReset(failure)
                      || failure instanceof AbortedException) {
                    // The client went away without a close frame: an everyday event, not a fault.
                    log.debug("{} socket dropped by the client: {}", endpoint.path(), failure);
                  } else if (failure instanceof TooLongFrameException) {
                    // A message of fragments past the transport's limit: closed as Netty closes
                    // a single frame past it.
                    close(CloseCodes.tooBig(failure.getMessage()));
                  } else {
                    log.warn("{} socket failed: {}", endpoint.path(), failure.toString());
                    close(CloseCodes.policy("internal error"));
                  }
                  return Mono.empty();
                })
            .then()
            .doFinally(signal -> stop());
    Mono<Void> authDeadline =
        Mono.delay(settings.authTimeout())
            .takeUntilOther(stopped.asMono())
            .doOnNext(
                elapsed -> {
                  if (tenant == null) {
                    close(CloseCodes.unauthorized("authentication timeout"));
                  }
                })
            .then();
    return Mono.when(send, receive, authDeadline);
  }

  /**
   * Admits the authenticated user: scoped to their organization, counted against the endpoint's
   * per-user limit on every instance, and closed when the token stops being valid. A refused socket
   * is closed here.
   *
   * @return whether the socket was admitted
   */
  public Mono<Boolean> admit(SocketUser user, Consumer<ReceivedEvent> onEvent) {
    return admit(user, onEvent, limit -> {});
  }

  /**
   * Admits the user as {@link #admit(SocketUser, Consumer)} does; {@code onTooMany} hears the limit
   * of a socket refused for it, before the socket is closed, so the protocol can say why.
   */
  public Mono<Boolean> admit(
      SocketUser user, Consumer<ReceivedEvent> onEvent, IntConsumer onTooMany) {
    Tenant caller = user.tenant();
    if (caller.orgId() == null) {
      close(CloseCodes.forbidden("the user belongs to no organization"));
      return Mono.just(false);
    }
    this.listener = onEvent;
    this.tenant = caller;
    extend(user.validUntil());
    int limit = settings.maxPerUser().of(endpoint);
    return registry
        .add(this, limit)
        .doOnNext(
            admitted -> {
              if (!admitted) {
                onTooMany.accept(limit);
                close(CloseCodes.tooMany(limit));
              }
            });
  }

  /**
   * Keeps the socket open until {@code validUntil}, the validity of the token it now holds; the
   * registry closes it then with 4401 {@code token expired}.
   */
  public void extend(Instant validUntil) {
    this.validUntilMillis =
        validUntil.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))
            ? Long.MAX_VALUE
            : validUntil.toEpochMilli();
  }

  long socketId() {
    return socketId;
  }

  long validUntilMillis() {
    return validUntilMillis;
  }

  /** Queues a text frame; a client too slow to take its messages is disconnected. */
  public synchronized void send(String text) {
    if (pending.incrementAndGet() > settings.outboundBuffer(endpoint)) {
      pending.decrementAndGet();
      close(CloseCodes.policy("too slow: outbound buffer full"));
      return;
    }
    if (outbound.tryEmitNext(text).isFailure()) {
      pending.decrementAndGet();
    }
  }

  void deliver(ReceivedEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException failure) {
      log.warn(
          "{} socket could not render {}: {}", endpoint.path(), event.type(), failure.toString());
    }
  }

  /** Sends what is queued, then closes the socket with this status. */
  public void close(CloseStatus status) {
    if (closing.compareAndSet(null, status)) {
      registry.remove(this);
      synchronized (this) {
        outbound.tryEmitComplete();
      }
      stopped.tryEmitEmpty();
    }
  }

  public boolean isOpen() {
    return closing.get() == null && session.isOpen();
  }

  /**
   * Any inbound frame counts, pongs included. Checked on the ping tick rather than with a timeout
   * on the inbound stream: cancelling that stream makes the server drop the connection without
   * sending the 4408 close status.
   */
  private boolean stillAlive() {
    if (System.nanoTime() - lastInbound > settings.idleTimeout().toNanos()) {
      close(CloseCodes.idle());
      return false;
    }
    return true;
  }

  private Mono<Void> closeSession() {
    CloseStatus status = closing.get();
    return status == null
        ? Mono.empty()
        : session.close(status).onErrorResume(failure -> Mono.empty());
  }

  private void stop() {
    closing.compareAndSet(null, CloseStatus.NORMAL);
    registry.remove(this);
    synchronized (this) {
      outbound.tryEmitComplete();
    }
    stopped.tryEmitEmpty();
  }
}
