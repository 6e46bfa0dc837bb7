package io.dealflow.realtime.socket.chat;

import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import io.dealflow.realtime.socket.CloseCodes;
import io.dealflow.realtime.socket.Detached;
import io.dealflow.realtime.socket.ProtocolHandler;
import io.dealflow.realtime.socket.ServiceAnswer;
import io.dealflow.realtime.socket.SocketAuthenticator;
import io.dealflow.realtime.socket.SocketAuthenticator.SocketUser;
import io.dealflow.realtime.socket.SocketConnection;
import io.dealflow.realtime.socket.SocketEndpoint;
import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.realtime.socket.SocketRegistry;
import io.dealflow.realtime.socket.SocketSettings;
import io.dealflow.support.events.SupportEvents;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/chat/{session_id}}: HeliosCS live chat in one support session. support-service owns
 * the session and its messages; this socket checks that the user may use the session (asking
 * support-service with the user's token), relays what the user writes to support-service, and shows
 * the session's messages and escalations as support-service publishes them ({@code
 * support.message.created}, {@code support.escalated}), so that every message reaches every socket
 * of the session exactly once, the sender's included. Typing and presence go straight to the
 * session's other sockets, on any instance ({@link ChatRooms}).
 *
 * <p>The token comes in the handshake's {@code Authorization: Bearer}, as {@code ?token=}, or as
 * the first message {@code {"type":"auth","token":…}}; a later {@code auth} with a fresh token of
 * the same user keeps the socket open past the first token's expiry. Staff of the organization (its
 * role there is agent, manager or admin) write as the agent; anyone else as the customer.
 */
@Component
class ChatSocketHandler implements ProtocolHandler {

  /** A session id as support-service issues them (UUIDs); anything else is no session. */
  private static final Pattern SESSION_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The longest chat message, in characters. */
  static final int MAX_CONTENT_LENGTH = 4000;

  /** A socket's messages waiting for support-service; past this one more is refused. */
  static final int MAX_WAITING = 16;

  static final int TRY_AGAIN_LATER = 1013;

  private final SocketAuthenticator authenticator;
  private final SocketRegistry registry;
  private final SocketSettings settings;
  private final SupportSessions sessions;
  private final ChatRooms rooms;
  private final int maxMessage;

  ChatSocketHandler(
      SocketAuthenticator authenticator,
      SocketRegistry registry,
      SocketSettings settings,
      SupportSessions sessions,
      ChatRooms rooms) {
    this.authenticator = authenticator;
    this.registry = registry;
    this.settings = settings;
    this.sessions = sessions;
    this.rooms = rooms;
    this.maxMessage = (int) settings.frames().chatMessage().toBytes();
  }

  @Override
  public SocketEndpoint endpoint() {
    return SocketEndpoint.CHAT;
  }

  @Override
  public Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken) {
    SocketConnection connection =
        new SocketConnection(session, SocketEndpoint.CHAT, settings, registry);
    String path = session.getHandshakeInfo().getUri().getPath();
    Chat chat = new Chat(sessionId(path.substring(path.lastIndexOf('/') + 1)));
    AtomicReference<@Nullable String> pendingToken = new AtomicReference<>(handshakeToken);
    // Assembled when subscribed, taking the token: the socket's chain keeps no copy of it. Messages
    // wait for it (and for the session check), so an early auth message cannot admit the socket a
    // second time.
    Mono<Void> handshakeAuth =
        Mono.defer(
                () -> {
                  String token = pendingToken.getAndSet(null);
                  return token == null ? Mono.<Void>empty() : authenticate(connection, chat, token);
                })
            .cache();
    return Mono.when(
            connection.serve(
                maxMessage,
                bytes -> tooLarge(connection, bytes),
                inbound ->
                    handshakeAuth.then(
                        Mono.defer(() -> onMessage(connection, chat, inbound.text())))),
            handshakeAuth)
        .doFinally(signal -> chat.end(rooms));
  }

  private Mono<Void> onMessage(SocketConnection connection, Chat chat, String text) {
    ObjectNode message = SocketJson.readObject(text);
    String type = message == null ? null : SocketJson.text(message, "type");
    if (message == null || type == null) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "Each message is a JSON object with a string \"type\": message, typing or auth");
    }
    if ("auth".equals(type)) {
      String token = SocketJson.text(message, "token");
      if (token == null) {
        token = SocketJson.text(message.path("data"), "token");
      }
      if (token == null) {
        return error(
            connection, "VALIDATION_ERROR", "auth needs a token: {\"type\":\"auth\",\"token\":…}");
      }
      return authenticate(connection, chat, token);
    }
    if (connection.tenant() == null) {
      return error(
          connection,
          "AUTHENTICATION_ERROR",
          "Authenticate first: {\"type\":\"auth\",\"token\":\"<access token>\"}");
    }
    ChatRooms.Member member = chat.member;
    if (member == null) {
      // The session was refused: the socket is closing.
      return Mono.empty();
    }
    return switch (type) {
      case "message" -> message(connection, chat, member, message);
      case "typing" -> typing(connection, member, message);
      default ->
          error(
              connection,
              "VALIDATION_ERROR",
              "Unknown message type: " + type + " (message, typing or auth)");
    };
  }

  /**
   * Relays the message to support-service, in the background and in the order written: the socket
   * keeps taking typing while support-service answers a customer. Only a refusal comes back here;
   * the message itself reaches the session's sockets as its {@code support.message.created}.
   */
  private Mono<Void> message(
      SocketConnection connection, Chat chat, ChatRooms.Member member, ObjectNode message) {
    String content = SocketJson.text(message, "content");
    if (content == null || content.isBlank()) {
      return error(connection, "VALIDATION_ERROR", "content is required");
    }
    if (content.length() > MAX_CONTENT_LENGTH) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "content is longer than " + MAX_CONTENT_LENGTH + " characters");
    }
    Mono<Void> relay =
        Mono.defer(
            () -> {
              String token = Objects.requireNonNull(chat.token);
              Mono<ServiceAnswer> sent =
                  member.agent()
                      ? sessions.send(token, member.sessionId(), content)
                      : sessions.process(token, member.sessionId(), content);
              return sent.doOnNext(answer -> relayed(connection, answer)).then();
            });
    if (!chat.relay(relay)) {
      return error(
          connection,
          "RATE_LIMIT_EXCEEDED",
          "More than " + MAX_WAITING + " messages are waiting for support: wait a moment");
    }
    return Mono.empty();
  }

  private static void relayed(SocketConnection connection, ServiceAnswer answer) {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return;
    }
    if (!answer.reachable() || status >= 500) {
      error(
          connection,
          "SERVICE_UNAVAILABLE",
          "The message was not sent: support-service is not reachable, try again later");
      return;
    }
    error(connection, refusalCode(answer), refusalMessage(answer, "The message was refused"));
  }

  private Mono<Void> typing(
      SocketConnection connection, ChatRooms.Member member, ObjectNode message) {
    JsonNode typing = message.path("is_typing");
    if (!typing.isBoolean()) {
      return error(connection, "VALIDATION_ERROR", "is_typing must be true or false");
    }
    rooms.toOthers(member, ChatMessages.typing(member, typing.asBoolean()));
    return Mono.empty();
  }

  private Mono<Void> authenticate(SocketConnection connection, Chat chat, String token) {
    return authenticator
        .authenticate(token)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            user -> {
              if (user.isPresent()) {
                return admitted(connection, chat, user.get(), token);
              }
              if (connection.tenant() != null) {
                // A fresh token that fails leaves the socket as it was, until its own expires.
                return error(connection, "AUTHENTICATION_ERROR", "Token verification failed");
              }
              error(connection, "AUTHENTICATION_ERROR", "Token verification failed");
              connection.close(CloseCodes.unauthorized("invalid or expired token"));
              return Mono.empty();
            });
  }

  private Mono<Void> admitted(
      SocketConnection connection, Chat chat, SocketUser user, String token) {
    Tenant current = connection.tenant();
    if (current != null) {
      if (!current.userId().equals(user.tenant().userId())
          || !Objects.equals(current.orgId(), user.tenant().orgId())) {
        error(
            connection,
            "AUTHORIZATION_ERROR",
            "This socket belongs to another user or organization");
        connection.close(CloseCodes.forbidden("a token of another user or organization"));
        return Mono.empty();
      }
      // The same user's fresh token: the socket outlives the token it was opened with.
      connection.extend(user.validUntil());
      chat.token = token;
      return Mono.empty();
    }
    if (user.tenant().orgId() == null) {
      // Said in the protocol before admit() closes the socket with 4403.
      error(connection, "AUTHORIZATION_ERROR", "The user belongs to no organization");
    }
    return connection
        .admit(
            user,
            event -> onEvent(connection, chat, event),
            limit ->
                error(
                    connection,
                    "RATE_LIMIT_EXCEEDED",
                    "Too many chat sockets: at most " + limit + " per user"))
        .flatMap(
            admitted -> admitted ? join(connection, chat, user.tenant(), token) : Mono.empty());
  }

  /** Asks support-service whether the user may use the session, and joins it when so. */
  private Mono<Void> join(SocketConnection connection, Chat chat, Tenant tenant, String token) {
    UUID sessionId = chat.sessionId;
    if (sessionId == null) {
      sessionNotFound(connection, null);
      return Mono.empty();
    }
    UUID orgId = Objects.requireNonNull(tenant.orgId());
    return Detached.step(() -> sessions.session(token, sessionId))
        .doOnNext(
            answer -> {
              int status = answer.status();
              if (!answer.reachable() || status >= 500) {
                error(
                    connection,
                    "SERVICE_UNAVAILABLE",
                    "Support chat is not available right now: try again later");
                connection.close(new CloseStatus(TRY_AGAIN_LATER, "support service unavailable"));
              } else if (status >= 200 && status < 300) {
                boolean agent = tenant.hasRoleIn(orgId, Role.AGENT, Role.MANAGER, Role.ADMIN);
                ChatRooms.Member member =
                    new ChatRooms.Member(
                        rooms.nextSocket(),
                        sessionId,
                        orgId,
                        tenant.userId(),
                        agent,
                        connection::send);
                chat.token = token;
                if (chat.join(member, rooms)
                    && agent
                    && "escalated".equals(SocketJson.text(answer.body(), "status"))) {
                  rooms.toAll(member, ChatMessages.agentJoined(sessionId, tenant.userId()));
                }
              } else if (status == 401) {
                error(
                    connection,
                    "AUTHENTICATION_ERROR",
                    "Support did not accept the token: get a fresh one");
                connection.close(CloseCodes.unauthorized("token refused by the support service"));
              } else if (status == 403) {
                error(
                    connection,
                    refusalCode(answer),
                    refusalMessage(answer, "This support session is not yours"));
                connection.close(CloseCodes.policy("not allowed in this session"));
              } else {
                sessionNotFound(connection, answer);
              }
            })
        .then();
  }

  /** Events of the user's organization: this session's messages and escalations are shown. */
  private static void onEvent(SocketConnection connection, Chat chat, ReceivedEvent event) {
    ChatRooms.Member member = chat.member;
    if (member == null
        || !member.sessionId().toString().equals(SocketJson.text(event.data(), "session_id"))) {
      return;
    }
    if (event.is(SupportEvents.SUPPORT_MESSAGE_CREATED)) {
      connection.send(ChatMessages.message(event.data(SupportEvents.SUPPORT_MESSAGE_CREATED)));
    } else if (event.is(SupportEvents.SUPPORT_ESCALATED)) {
      connection.send(ChatMessages.escalated(event.data(SupportEvents.SUPPORT_ESCALATED)));
    }
  }

  private static void sessionNotFound(SocketConnection connection, @Nullable ServiceAnswer answer) {
    error(
        connection,
        answer == null ? "NOT_FOUND" : refusalCode(answer),
        answer == null
            ? "No such support session"
            : refusalMessage(answer, "No such support session of yours"));
    connection.close(CloseCodes.policy("session not found"));
  }

  private Mono<Void> tooLarge(SocketConnection connection, int bytes) {
    return error(
        connection,
        "VALIDATION_ERROR",
        "The message is too large (" + bytes + " bytes): the limit is " + maxMessage + " bytes");
  }

  /**
   * support-service's HeliosCS error code ({@code {"error":{"code","message"}}}), or the status's.
   */
  private static String refusalCode(ServiceAnswer answer) {
    String code = SocketJson.text(answer.body().path("error"), "code");
    if (code != null && !code.isBlank()) {
      return code;
    }
    return switch (answer.status()) {
      case 401 -> "AUTHENTICATION_ERROR";
      case 403 -> "AUTHORIZATION_ERROR";
      case 404 -> "NOT_FOUND";
      case 429 -> "RATE_LIMIT_EXCEEDED";
      default -> "VALIDATION_ERROR";
    };
  }

  private static String refusalMessage(ServiceAnswer answer, String otherwise) {
    String message = SocketJson.text(answer.body().path("error"), "message");
    return message != null && !message.isBlank() ? message : otherwise;
  }

  private static @Nullable UUID sessionId(String segment) {
    return SESSION_ID.matcher(segment).matches() ? UUID.fromString(segment) : null;
  }

  private static Mono<Void> error(SocketConnection connection, String code, String message) {
    connection.send(ChatMessages.error(code, message));
    return Mono.empty();
  }

  /** One socket's chat: its session, the token its messages are relayed with, and its place. */
  private static final class Chat {

    private final @Nullable UUID sessionId;
    private volatile @Nullable String token;
    private volatile ChatRooms.@Nullable Member member;
    private boolean ended;

    /** Messages on their way to support-service, one at a time, in order. */
    private final Sinks.Many<Mono<Void>> relays = Sinks.many().unicast().onBackpressureBuffer();

    private final AtomicInteger waiting = new AtomicInteger();

    Chat(@Nullable UUID sessionId) {
      this.sessionId = sessionId;
      // Not disposed when the socket ends: what the client sent before it left is still relayed.
      relays.asFlux().concatMap(relay -> relay.onErrorComplete(), 1).subscribe();
    }

    /**
     * Joins the session unless the socket has ended meanwhile.
     *
     * @return whether it joined
     */
    synchronized boolean join(ChatRooms.Member joining, ChatRooms rooms) {
      if (ended) {
        return false;
      }
      member = joining;
      rooms.join(joining);
      return true;
    }

    /**
     * Queues a message for support-service.
     *
     * @return false when too many are waiting: nothing was queued
     */
    synchronized boolean relay(Mono<Void> relay) {
      if (waiting.incrementAndGet() > MAX_WAITING) {
        waiting.decrementAndGet();
        return false;
      }
      relays.tryEmitNext(relay.doFinally(signal -> waiting.decrementAndGet()));
      return true;
    }

    /** The socket has ended: the others hear it left; what was queued is still relayed. */
    synchronized void end(ChatRooms rooms) {
      ended = true;
      relays.tryEmitComplete();
      ChatRooms.Member leaving = member;
      if (leaving != null) {
        member = null;
        rooms.leave(leaving);
      }
    }
  }
}
