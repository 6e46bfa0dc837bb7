package io.dealflow.realtime.socket.events;

import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.platform.security.Role;
import io.dealflow.platform.security.Tenant;
import io.dealflow.realtime.socket.CloseCodes;
import io.dealflow.realtime.socket.Handshake;
import io.dealflow.realtime.socket.ProtocolHandler;
import io.dealflow.realtime.socket.SocketAuthenticator;
import io.dealflow.realtime.socket.SocketAuthenticator.SocketUser;
import io.dealflow.realtime.socket.SocketConnection;
import io.dealflow.realtime.socket.SocketEndpoint;
import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.realtime.socket.SocketRegistry;
import io.dealflow.realtime.socket.SocketSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/events}: every catalogue event of the user's organization as {@code {"id","event",
 * "time","data"}}. The token comes as {@code ?token=} or as the first message {@code
 * {"type":"auth","token":...}}; {@code ?last_event_id=} resumes after that event from the replay
 * buffer.
 */
@Component
class EventsSocketHandler implements ProtocolHandler {

  private final SocketAuthenticator authenticator;
  private final SocketRegistry registry;
  private final SocketSettings settings;
  private final ReplayBuffer replay;

  EventsSocketHandler(
      SocketAuthenticator authenticator,
      SocketRegistry registry,
      SocketSettings settings,
      ReplayBuffer replay) {
    this.authenticator = authenticator;
    this.registry = registry;
    this.settings = settings;
    this.replay = replay;
  }

  @Override
  public SocketEndpoint endpoint() {
    return SocketEndpoint.EVENTS;
  }

  @Override
  public Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken) {
    SocketConnection connection =
        new SocketConnection(session, SocketEndpoint.EVENTS, settings, registry);
    String lastEventId = Handshake.query(session, "last_event_id");
    AtomicReference<@Nullable String> pendingToken = new AtomicReference<>(handshakeToken);
    AtomicBoolean authenticating = new AtomicBoolean(handshakeToken != null);
    // Assembled when subscribed, taking the token: the socket's chain keeps no copy of it.
    Mono<Void> handshakeAuth =
        Mono.defer(
            () -> {
              String token = pendingToken.getAndSet(null);
              return token == null ? Mono.empty() : authenticate(connection, token, lastEventId);
            });
    Mono<Void> served =
        connection.serve(
            text -> {
              ObjectNode message = SocketJson.readObject(text);
              String type = message == null ? null : SocketJson.text(message, "type");
              if (connection.tenant() == null && authenticating.compareAndSet(false, true)) {
                String firstToken = message == null ? null : SocketJson.text(message, "token");
                if (!"auth".equals(type) || firstToken == null) {
                  connection.close(
                      CloseCodes.unauthorized(
                          "authenticate first: {\"type\":\"auth\",\"token\":...}"));
                  return Mono.empty();
                }
                return authenticate(connection, firstToken, lastEventId);
              }
              if ("ping".equals(type)) {
                connection.send(SocketJson.write(EventsMessages.control("pong")));
              }
              return Mono.empty();
            });
    return Mono.when(served, handshakeAuth);
  }

  private Mono<Void> authenticate(
      SocketConnection connection, String token, @Nullable String lastEventId) {
    return authenticator
        .authenticate(token)
        .map(user -> admit(connection, user, lastEventId))
        .switchIfEmpty(
            Mono.fromSupplier(
                () -> {
                  connection.close(CloseCodes.unauthorized("invalid or expired token"));
                  return Mono.<Void>empty();
                }))
        .flatMap(next -> next);
  }

  private Mono<Void> admit(
      SocketConnection connection, SocketUser user, @Nullable String lastEventId) {
    Live live = new Live(connection, staff(user.tenant()));
    return connection
        .admit(user, live::onEvent)
        .flatMap(
            admitted ->
                admitted ? ready(connection, user.tenant(), live, lastEventId) : Mono.empty());
  }

  private Mono<Void> ready(
      SocketConnection connection, Tenant tenant, Live live, @Nullable String lastEventId) {
    ObjectNode ready = EventsMessages.control("connection.ready");
    ObjectNode data = ready.putObject("data");
    data.put("user_id", tenant.userId().toString());
    data.put("org_id", String.valueOf(tenant.orgId()));
    if (lastEventId == null) {
      connection.send(SocketJson.write(ready));
      live.open(List.of());
      return Mono.empty();
    }
    data.put("last_event_id", lastEventId);
    connection.send(SocketJson.write(ready));
    return replay
        .after(Objects.requireNonNull(tenant.orgId()), lastEventId)
        .doOnNext(
            missed -> {
              if (!missed.complete()) {
                ObjectNode incomplete = EventsMessages.control("replay.incomplete");
                incomplete
                    .putObject("data")
                    .put("last_event_id", lastEventId)
                    .put("replayed", missed.messages().size());
                connection.send(SocketJson.write(incomplete));
              }
              live.open(missed.messages());
            })
        .onErrorResume(
            failure -> {
              connection.send(SocketJson.write(EventsMessages.control("replay.unavailable")));
              live.open(List.of());
              return Mono.empty();
            })
        .then();
  }

  /**
   * HeliosCS events ({@code support.*}, {@code ticket.*}) carry customers' conversations: only the
   * organization's support staff (agents, managers, admins) receive them on this socket.
   */
  static boolean staff(Tenant tenant) {
    UUID orgId = tenant.orgId();
    return orgId != null && tenant.hasRoleIn(orgId, Role.AGENT, Role.MANAGER, Role.ADMIN);
  }

  static boolean forStaffOnly(String eventType) {
    return eventType.startsWith("support.") || eventType.startsWith("ticket.");
  }

  /**
   * Live events of one socket: held back while the replay is read, then sent after it, each event
   * once even when it is both in the replay and live.
   */
  private static final class Live {

    private final SocketConnection connection;
    private final boolean staff;
    private @Nullable List<Map.Entry<String, String>> held = new ArrayList<>();
    private final Set<String> replayed = new HashSet<>();

    Live(SocketConnection connection, boolean staff) {
      this.connection = connection;
      this.staff = staff;
    }

    void onEvent(ReceivedEvent event) {
      if (!staff && forStaffOnly(event.type())) {
        return;
      }
      String id = event.id().toString();
      String message = EventsMessages.of(event);
      synchronized (this) {
        if (held != null) {
          held.add(Map.entry(id, message));
        } else if (!replayed.remove(id)) {
          connection.send(message);
        }
      }
    }

    synchronized void open(List<String> replayMessages) {
      for (String message : replayMessages) {
        ObjectNode parsed = SocketJson.readObject(message);
        if (!staff && parsed != null && forStaffOnly(parsed.path("event").asString(""))) {
          continue;
        }
        String id = ReplayBuffer.idOf(message);
        if (id != null) {
          replayed.add(id);
        }
        connection.send(message);
      }
      for (Map.Entry<String, String> waiting : Objects.requireNonNull(held)) {
        if (!replayed.remove(waiting.getKey())) {
          connection.send(waiting.getValue());
        }
      }
      held = null;
    }
  }
}
