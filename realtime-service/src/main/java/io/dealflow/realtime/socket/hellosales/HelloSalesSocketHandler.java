package io.dealflow.realtime.socket.hellosales;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws}: the HelloSales protocol. Every message is {@code {"type","payload"}}; the first must
 * be {@code auth}. Every message gets an answer — a result or an {@code error} with one of the
 * seed's codes — never silence.
 */
@Component
class HelloSalesSocketHandler implements ProtocolHandler {

  /** Turns relayed to services that do not take them over sockets yet: answered, not dropped. */
  private static final Map<String, String> NOT_YET_RELAYED =
      Map.of(
          "chat", "the playbook coach is not available yet",
          "voice", "voice turns are not available yet",
          "feedback", "feedback on coach answers is not available yet",
          "pipeline.cancel",
              "there is no running pipeline to cancel: the playbook coach is not available yet");

  private final SocketAuthenticator authenticator;
  private final SocketRegistry registry;
  private final SocketSettings settings;
  private final IdentityProfiles profiles;

  HelloSalesSocketHandler(
      SocketAuthenticator authenticator,
      SocketRegistry registry,
      SocketSettings settings,
      IdentityProfiles profiles) {
    this.authenticator = authenticator;
    this.registry = registry;
    this.settings = settings;
    this.profiles = profiles;
  }

  @Override
  public SocketEndpoint endpoint() {
    return SocketEndpoint.HELLOSALES;
  }

  @Override
  public Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken) {
    SocketConnection connection =
        new SocketConnection(session, SocketEndpoint.HELLOSALES, settings, registry);
    State state = new State();
    return connection.serve(text -> onMessage(connection, state, text));
  }

  private Mono<Void> onMessage(SocketConnection connection, State state, String text) {
    ObjectNode message = SocketJson.readObject(text);
    if (message == null) {
      return error(connection, "INVALID_MESSAGE", "The message is not a JSON object");
    }
    String type = SocketJson.text(message, "type");
    if (type == null || type.isBlank()) {
      return error(connection, "INVALID_MESSAGE", "The message has no type");
    }
    JsonNode payload = message.path("payload");
    if ("auth".equals(type)) {
      return auth(connection, state, message, payload);
    }
    if ("ping".equals(type)) {
      ObjectNode pong = SocketJson.object();
      pong.put("timestamp", Instant.now().toString());
      return send(connection, "pong", pong);
    }
    if (connection.tenant() == null) {
      return error(
          connection,
          "UNAUTHORIZED",
          "Authenticate first: {\"type\":\"auth\",\"payload\":{\"token\":…}}");
    }
    return switch (type) {
      case "session.start" -> startSession(connection, state, payload);
      case "session.end" -> endSession(connection, state);
      case "profile.update" -> updateProfile(connection, state, payload);
      default -> {
        String unavailable = NOT_YET_RELAYED.get(type);
        yield unavailable != null
            ? error(connection, "SERVICE_UNAVAILABLE", unavailable)
            : error(connection, "UNKNOWN_MESSAGE_TYPE", "Unknown message type: " + type);
      }
    };
  }

  private Mono<Void> auth(
      SocketConnection connection, State state, ObjectNode message, JsonNode payload) {
    String token = SocketJson.text(payload, "token");
    if (token == null) {
      token = SocketJson.text(message, "token");
    }
    if (token == null) {
      return error(connection, "VALIDATION_ERROR", "payload.token is required");
    }
    String presented = token;
    return authenticator
        .authenticate(presented)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            user -> {
              if (user.isPresent()) {
                return admitted(connection, state, user.get(), presented);
              }
              ObjectNode failure = SocketJson.object();
              failure.put("code", "INVALID_TOKEN");
              failure.put("message", "Token verification failed");
              return send(connection, "auth.error", failure);
            });
  }

  private Mono<Void> admitted(
      SocketConnection connection, State state, SocketUser user, String token) {
    Tenant current = connection.tenant();
    if (current == null) {
      if (user.tenant().orgId() == null) {
        // Said in the protocol before admit() closes the socket with 4403.
        error(connection, "FORBIDDEN", "The user belongs to no organization");
      }
      return connection
          .admit(user, event -> {})
          .flatMap(admitted -> admitted ? success(connection, state, user, token) : Mono.empty());
    }
    if (!current.userId().equals(user.tenant().userId())
        || !Objects.equals(current.orgId(), user.tenant().orgId())) {
      // A socket never changes hands: said in the protocol, then closed.
      error(connection, "FORBIDDEN", "This socket belongs to another user or organization");
      connection.close(CloseCodes.forbidden("a token of another user or organization"));
      return Mono.empty();
    }
    connection.extend(user.validUntil());
    return success(connection, state, user, token);
  }

  private Mono<Void> success(
      SocketConnection connection, State state, SocketUser user, String token) {
    Tenant tenant = user.tenant();
    state.token = token;
    ObjectNode success = SocketJson.object();
    success.put("userId", tenant.userId().toString());
    if (state.session == null) {
      success.putNull("sessionId");
    } else {
      success.put("sessionId", state.session.id().toString());
    }
    success.put("orgId", String.valueOf(tenant.orgId()));
    return send(connection, "auth.success", success);
  }

  private Mono<Void> startSession(SocketConnection connection, State state, JsonNode payload) {
    String service = SocketJson.text(payload, "service");
    if (!"chat".equals(service) && !"voice".equals(service)) {
      return error(connection, "VALIDATION_ERROR", "payload.service must be \"chat\" or \"voice\"");
    }
    if (state.session != null) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "A session is already active (" + state.session.id() + "): end it first");
    }
    state.session = new Session(UUID.randomUUID(), service, System.nanoTime());
    ObjectNode started = SocketJson.object();
    started.put("sessionId", state.session.id().toString());
    started.put("service", service);
    return send(connection, "session.started", started);
  }

  private Mono<Void> endSession(SocketConnection connection, State state) {
    Session ending = state.session;
    if (ending == null) {
      return error(connection, "VALIDATION_ERROR", "There is no active session to end");
    }
    state.session = null;
    ObjectNode ended = SocketJson.object();
    ended.put("sessionId", ending.id().toString());
    ended.put("duration", Duration.ofNanos(System.nanoTime() - ending.startedNanos()).toMillis());
    return send(connection, "session.ended", ended);
  }

  private Mono<Void> updateProfile(SocketConnection connection, State state, JsonNode payload) {
    ObjectNode change = SocketJson.object();
    copy(payload, change, "first_name", "firstName");
    copy(payload, change, "last_name", "lastName");
    copy(payload, change, "company", "company");
    if (change.isEmpty()) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "payload needs at least one of firstName, lastName, company");
    }
    return profiles
        .update(Objects.requireNonNull(state.token), change)
        .flatMap(
            outcome -> {
              if (!outcome.reachable() || outcome.status() >= 500) {
                return error(
                    connection,
                    "SERVICE_UNAVAILABLE",
                    "The profile could not be changed: identity-service is not reachable");
              }
              return switch (outcome.status() / 100) {
                case 2 -> send(connection, "profile.updated", outcome.body());
                default ->
                    switch (outcome.status()) {
                      case 401 ->
                          error(
                              connection,
                              "UNAUTHORIZED",
                              "The token is no longer valid: authenticate again");
                      case 403 -> error(connection, "FORBIDDEN", "The profile may not be changed");
                      default -> error(connection, "VALIDATION_ERROR", detail(outcome.body()));
                    };
              };
            });
  }

  private static void copy(JsonNode from, ObjectNode to, String wireName, String camelName) {
    JsonNode value = from.get(camelName);
    if (value == null) {
      value = from.get(wireName);
    }
    if (value != null && !value.isNull()) {
      to.set(wireName, value);
    }
  }

  private static String detail(JsonNode identityError) {
    String detail = SocketJson.text(identityError, "detail");
    return detail != null ? detail : "The profile change was refused";
  }

  private static Mono<Void> error(SocketConnection connection, String code, String message) {
    ObjectNode payload = SocketJson.object();
    payload.put("code", code);
    payload.put("message", message);
    return send(connection, "error", payload);
  }

  private static Mono<Void> send(SocketConnection connection, String type, JsonNode payload) {
    ObjectNode message = SocketJson.object();
    message.put("type", type);
    message.set("payload", payload);
    connection.send(SocketJson.write(message));
    return Mono.empty();
  }

  /** What one HelloSales socket remembers; its messages are handled one at a time. */
  private static final class State {
    private volatile @Nullable String token;
    private volatile @Nullable Session session;
  }

  private record Session(UUID id, String service, long startedNanos) {}
}
