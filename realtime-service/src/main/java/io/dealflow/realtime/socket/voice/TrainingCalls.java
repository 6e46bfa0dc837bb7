package io.dealflow.realtime.socket.voice;

import io.dealflow.realtime.socket.SocketEndpoint;
import io.dealflow.realtime.socket.SocketSettings;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * Voice calls as training-service takes them: one WebSocket per call, {@code
 * /internal/voice/{session_id}}, opened with the user's own token, which training-service checks
 * (and whose session it must be). training-service owns the call's meaning; this side only carries
 * its frames, in order, both ways.
 */
@Component
class TrainingCalls {

  /** training-service refused the call's handshake with this HTTP status, or 0: unreachable. */
  static final class CallRefused extends RuntimeException {

    private final int status;

    CallRefused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** How long a call closed by its client waits for training-service's own close frame. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final HttpClient client;
  private final WebsocketClientSpec spec;
  private final URI base;
  private final Duration connectTimeout;

  TrainingCalls(TrainingSettings settings, SocketSettings sockets) {
    this.base = websocketUri(settings.trainingUri());
    this.connectTimeout = settings.trainingConnectTimeout();
    int maxFrame = sockets.frames().transportMax(SocketEndpoint.VOICE);
    this.spec = WebsocketClientSpec.builder().maxFramePayloadLength(maxFrame).build();
    this.client =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
  }

  /**
   * Opens the call and relays it until either side closes it: every message of {@code toTraining}
   * is written as a text frame, one at a time (the next once the previous is written, when it stops
   * counting against the queue's bound); every text frame training-service sends goes to {@code
   * fromTraining}. When {@code toTraining} ends (the client went) the call is closed with 1000.
   *
   * @return the close status training-service ended the call with; 1006 when the connection ended
   *     without one. Fails with {@link CallRefused} when the call could not be opened.
   */
  Mono<WebSocketCloseStatus> relay(
      String sessionId, String token, RelayQueue toTraining, Consumer<String> fromTraining) {
    URI uri =
        UriComponentsBuilder.fromUri(base)
            .path("/internal/voice/{sessionId}")
            .buildAndExpand(sessionId)
            .encode()
            .toUri();
    AtomicBoolean opened = new AtomicBoolean();
    Mono<WebSocketCloseStatus> call =
        client
            .headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
            .websocket(spec)
            .uri(uri)
            .handle(
                (in, out) -> {
                  opened.set(true);
                  Mono<Void> receive =
                      in.aggregateFrames(spec.maxFramePayloadLength())
                          .receiveFrames()
                          .filter(TextWebSocketFrame.class::isInstance)
                          .map(frame -> ((TextWebSocketFrame) frame).text())
                          .doOnNext(fromTraining)
                          .then();
                  Mono<Void> send =
                      toTraining
                          .messages()
                          .concatMap(
                              message ->
                                  out.sendString(Mono.just(message))
                                      .then()
                                      .doOnSuccess(written -> toTraining.sent(message)),
                              1)
                          .then(
                              Mono.fromRunnable(
                                  // A subscription of its own: ending the inbound (which sending
                                  // a close frame does at once) ends the call below, and a close
                                  // frame cancelled before Netty has written it is lost.
                                  () ->
                                      out.sendClose(1000, "client closed")
                                          .subscribe(null, failure -> {})))
                          .then(Mono.delay(CLOSE_WAIT))
                          .then()
                          .onErrorResume(failure -> Mono.empty());
                  // Training's close (or its answer to ours) ends the call; so does our close
                  // left unanswered.
                  return receive
                      .or(send)
                      .then(
                          in.receiveCloseStatus()
                              .timeout(Duration.ofSeconds(1), Mono.empty())
                              .defaultIfEmpty(WebSocketCloseStatus.ABNORMAL_CLOSURE));
                })
            .next()
            .onErrorMap(failure -> !opened.get(), TrainingCalls::refusal);
    Mono<WebSocketCloseStatus> deadline =
        Mono.delay(connectTimeout)
            .then(
                Mono.defer(
                    () ->
                        opened.get()
                            ? Mono.never()
                            : Mono.error(
                                new CallRefused(
                                    0, "no answer within " + connectTimeout.toMillis() + " ms"))));
    return Mono.firstWithSignal(call, deadline);
  }

  private static CallRefused refusal(Throwable failure) {
    if (failure instanceof CallRefused refused) {
      return refused;
    }
    if (failure instanceof WebSocketClientHandshakeException handshake
        && handshake.response() != null) {
      int status = handshake.response().status().code();
      return new CallRefused(status, "handshake answered " + status);
    }
    return new CallRefused(0, failure.toString());
  }

  private static URI websocketUri(URI http) {
    String scheme = "https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws";
    return UriComponentsBuilder.fromUri(http).scheme(scheme).build().toUri();
  }
}
