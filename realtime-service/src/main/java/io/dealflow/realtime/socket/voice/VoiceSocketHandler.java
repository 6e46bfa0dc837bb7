package io.dealflow.realtime.socket.voice;

import io.dealflow.platform.security.ApiTokens;
import io.dealflow.platform.security.Tenant;
import io.dealflow.realtime.socket.CloseCodes;
import io.dealflow.realtime.socket.ProtocolHandler;
import io.dealflow.realtime.socket.SocketAuthenticator;
import io.dealflow.realtime.socket.SocketAuthenticator.SocketUser;
import io.dealflow.realtime.socket.SocketConnection;
import io.dealflow.realtime.socket.SocketEndpoint;
import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.realtime.socket.SocketRegistry;
import io.dealflow.realtime.socket.SocketSettings;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/voice/{session_id}}: the Voice Sales Trainer's call. realtime-service holds the
 * client's socket (authentication, the per-user limit, frame sizes, keep-alive) and relays the call
 * to training-service, which owns its meaning: every client message goes upstream unchanged, every
 * upstream message comes back unchanged, in order, and training-service's close code ends the
 * client's socket. The token comes in the handshake's {@code Authorization: Bearer}, as {@code
 * ?token=}, or as the first message {@code {"type":"auth","token":…}} (or {@code
 * {"type":"auth","data":{"token":…}}}); {@code auth} messages are never relayed. Errors are the
 * Trainer's socket error event {@code {"type":"error","error_code","message","retry_allowed"}}.
 */
@Component
class VoiceSocketHandler implements ProtocolHandler {

  private static final Logger log = LoggerFactory.getLogger(VoiceSocketHandler.class);

  /** A session id as training-service issues them (UUIDs); anything else is no session. */
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  static final int SESSION_NOT_FOUND = 4404;
  static final int SESSION_ALREADY_ENDED = 4409;
  static final int TRY_AGAIN_LATER = 1013;
  static final int INTERNAL_ERROR = 1011;

  private final SocketAuthenticator authenticator;
  private final SocketRegistry registry;
  private final SocketSettings settings;
  private final TrainingSettings training;
  private final TrainingCalls calls;

  VoiceSocketHandler(
      SocketAuthenticator authenticator,
      SocketRegistry registry,
      SocketSettings settings,
      TrainingSettings training,
      TrainingCalls calls) {
    this.authenticator = authenticator;
    this.registry = registry;
    this.settings = settings;
    this.training = training;
    this.calls = calls;
  }

  @Override
  public SocketEndpoint endpoint() {
    return SocketEndpoint.VOICE;
  }

  @Override
  public Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken) {
    SocketConnection connection =
        new SocketConnection(session, SocketEndpoint.VOICE, settings, registry);
    String path = session.getHandshakeInfo().getUri().getPath();
    Call call =
        new Call(
            path.substring(path.lastIndexOf('/') + 1),
            new RelayQueue(training.voiceRelayBuffer().toBytes()));
    int maxMessage = (int) settings.frames().voiceMessage().toBytes();
    AtomicReference<@Nullable String> pendingToken = new AtomicReference<>(handshakeToken);
    // Assembled when subscribed, taking the token: the socket's chain keeps no copy of it. Messages
    // wait for it, so an early auth message cannot admit the socket a second time.
    Mono<Void> handshakeAuth =
        Mono.defer(
                () -> {
                  String token = pendingToken.getAndSet(null);
                  return token == null ? Mono.<Void>empty() : authenticate(connection, call, token);
                })
            .cache();
    return Mono.when(
            connection.serve(
                maxMessage,
                bytes -> tooLarge(connection, bytes, maxMessage),
                inbound ->
                    handshakeAuth.then(
                        Mono.defer(() -> onMessage(connection, call, inbound.text())))),
            handshakeAuth)
        .doFinally(signal -> call.clientGone());
  }

  private Mono<Void> onMessage(SocketConnection connection, Call call, String text) {
    ObjectNode message = SocketJson.readObject(text);
    String type = message == null ? null : SocketJson.text(message, "type");
    if (message == null || type == null) {
      return error(
          connection,
          "INVALID_MESSAGE",
          "Each message is a JSON object with a string \"type\"",
          false);
    }
    if ("auth".equals(type)) {
      String token = SocketJson.text(message, "token");
      if (token == null) {
        token = SocketJson.text(message.path("data"), "token");
      }
      if (token == null) {
        return error(
            connection,
            "INVALID_MESSAGE",
            "auth needs a token: {\"type\":\"auth\",\"token\":…}",
            true);
      }
      return authenticate(connection, call, token);
    }
    if (connection.tenant() == null) {
      return error(
          connection,
          "AUTH_REQUIRED",
          "Authenticate first: {\"type\":\"auth\",\"token\":\"<access token>\"}",
          true);
    }
    if (!call.toTraining.offer(text)) {
      error(
          connection,
          "AUDIO_BUFFER_OVERFLOW",
          "Audio arrives faster than the voice service takes it: more than "
              + training.voiceRelayBuffer().toKilobytes()
              + " KiB waiting",
          true);
      connection.close(CloseCodes.policy("audio buffer overflow"));
    }
    return Mono.empty();
  }

  private Mono<Void> authenticate(SocketConnection connection, Call call, String token) {
    if (ApiTokens.looksLike(token)) {
      error(
          connection,
          "AUTH_INSUFFICIENT_PERMISSIONS",
          "API tokens cannot open a voice call: training sessions belong to users",
          false);
      connection.close(CloseCodes.forbidden("API tokens are not accepted for voice calls"));
      return Mono.empty();
    }
    return authenticator
        .authenticate(token)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            user -> {
              if (user.isPresent()) {
                return admitted(connection, call, user.get(), token);
              }
              if (connection.tenant() != null) {
                // A fresh token that fails leaves the call as it was, until its own token expires.
                return error(connection, "AUTH_INVALID_TOKEN", "Token verification failed", true);
              }
              error(connection, "AUTH_INVALID_TOKEN", "Token verification failed", false);
              connection.close(CloseCodes.unauthorized("invalid or expired token"));
              return Mono.empty();
            });
  }

  private Mono<Void> admitted(
      SocketConnection connection, Call call, SocketUser user, String token) {
    Tenant current = connection.tenant();
    if (current != null) {
      if (!current.userId().equals(user.tenant().userId())
          || !Objects.equals(current.orgId(), user.tenant().orgId())) {
        error(
            connection,
            "AUTH_INSUFFICIENT_PERMISSIONS",
            "This call belongs to another user or organization",
            false);
        connection.close(CloseCodes.forbidden("a token of another user or organization"));
        return Mono.empty();
      }
      // The same user's fresh token: the call outlives the token it was opened with.
      connection.extend(user.validUntil());
      return Mono.empty();
    }
    if (user.tenant().orgId() == null) {
      // Said in the protocol before admit() closes the socket with 4403.
      error(
          connection,
          "AUTH_INSUFFICIENT_PERMISSIONS",
          "The user belongs to no organization",
          false);
    }
    return connection
        .admit(
            user,
            event -> {},
            limit ->
                error(
                    connection,
                    "RATE_LIMIT_EXCEEDED",
                    "Too many voice connections: at most " + limit + " per user",
                    true))
        .doOnNext(
            admitted -> {
              if (admitted) {
                open(connection, call, token);
              }
            })
        .then();
  }

  /** Opens the call on training-service, in the background: the client's messages queue. */
  private void open(SocketConnection connection, Call call, String token) {
    if (!SESSION_ID.matcher(call.sessionId).matches()) {
      sessionNotFound(connection);
      return;
    }
    // Not disposed when the client goes: ending the queue closes the call upstream with 1000.
    calls
        .relay(call.sessionId, token, call.toTraining, connection::send)
        .subscribe(
            status -> trainingClosed(connection, status),
            failure -> trainingFailed(connection, failure),
            () -> trainingClosed(connection, WebSocketCloseStatus.ABNORMAL_CLOSURE));
  }

  /** training-service ended the call: its close code and reason end the client's socket. */
  private static void trainingClosed(SocketConnection connection, WebSocketCloseStatus status) {
    if (!connection.isOpen()) {
      return;
    }
    int code = status.code();
    // 1005, 1006 and 1015 only report that no close frame came; they are never sent.
    boolean sendable =
        (code >= 1000 && code <= 1003)
            || (code >= 1007 && code <= 1014)
            || (code >= 3000 && code <= 4999);
    if (!sendable) {
      log.warn("training-service dropped a voice call without a close status ({})", code);
      unavailable(connection, INTERNAL_ERROR, "voice service failed");
      return;
    }
    connection.close(new CloseStatus(code, status.reasonText()));
  }

  private static void trainingFailed(SocketConnection connection, Throwable failure) {
    if (!connection.isOpen()) {
      return;
    }
    if (!(failure instanceof TrainingCalls.CallRefused refused)) {
      log.warn("A voice call to training-service failed: {}", failure.toString());
      unavailable(connection, INTERNAL_ERROR, "voice service failed");
      return;
    }
    switch (refused.status()) {
      case 401 -> {
        error(
            connection,
            "AUTH_INVALID_TOKEN",
            "The voice service did not accept the token: get a fresh one",
            false);
        connection.close(CloseCodes.unauthorized("token refused by the voice service"));
      }
      case 403, 404 -> sessionNotFound(connection);
      case 409 -> {
        error(
            connection, "SESSION_ALREADY_ENDED", "This training session has already ended", false);
        connection.close(new CloseStatus(SESSION_ALREADY_ENDED, "session already ended"));
      }
      default -> {
        log.warn("training-service could not open a voice call: {}", refused.getMessage());
        unavailable(connection, TRY_AGAIN_LATER, "voice service unavailable");
      }
    }
  }

  private static void sessionNotFound(SocketConnection connection) {
    error(connection, "SESSION_NOT_FOUND", "No such training session of yours", false);
    connection.close(new CloseStatus(SESSION_NOT_FOUND, "session not found"));
  }

  private static void unavailable(SocketConnection connection, int code, String reason) {
    error(
        connection,
        "VOICE_SERVICE_UNAVAILABLE",
        "The voice service is not available: try again later",
        true);
    connection.close(new CloseStatus(code, reason));
  }

  private static Mono<Void> tooLarge(SocketConnection connection, int bytes, int maxMessage) {
    return error(
        connection,
        "MESSAGE_TOO_LARGE",
        "The message has "
            + bytes
            + " bytes; at most "
            + maxMessage
            + " are taken: send the audio in smaller chunks",
        true);
  }

  /** The Trainer's socket error event. */
  private static Mono<Void> error(
      SocketConnection connection, String code, String message, boolean retryAllowed) {
    ObjectNode error = SocketJson.object();
    error.put("type", "error");
    error.put("error_code", code);
    error.put("message", message);
    error.put("retry_allowed", retryAllowed);
    connection.send(SocketJson.write(error));
    return Mono.empty();
  }

  /** One socket's call. */
  private static final class Call {
    private final String sessionId;
    private final RelayQueue toTraining;

    Call(String sessionId, RelayQueue toTraining) {
      this.sessionId = sessionId;
      this.toTraining = toTraining;
    }

    /**
     * The client's socket has ended: the call is closed upstream with 1000 once what was queued is
     * written (or let go when it never opened).
     */
    void clientGone() {
      toTraining.end();
    }
  }
}
