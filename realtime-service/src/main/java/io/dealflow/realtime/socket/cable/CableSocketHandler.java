package io.dealflow.realtime.socket.cable;

import io.dealflow.platform.events.ReceivedEvent;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /cable}: the ActionCable wire protocol ({@code actioncable-v1-json}) as the official
 * {@code @rails/actioncable} client speaks it — welcome, a ping every 3 seconds (the client deems
 * the connection stale after 6 seconds without one), subscribe → confirm or reject, channel
 * messages, unsubscribe, and a {@code disconnect} message before the server closes the socket.
 */
@Component
class CableSocketHandler implements ProtocolHandler {

  static final String SUBPROTOCOL = "actioncable-v1-json";
  private static final Duration CABLE_PING = Duration.ofSeconds(3);

  private final SocketAuthenticator authenticator;
  private final SocketRegistry registry;
  private final SocketSettings settings;

  CableSocketHandler(
      SocketAuthenticator authenticator, SocketRegistry registry, SocketSettings settings) {
    this.authenticator = authenticator;
    this.registry = registry;
    this.settings = settings;
  }

  @Override
  public SocketEndpoint endpoint() {
    return SocketEndpoint.CABLE;
  }

  @Override
  public List<String> getSubProtocols() {
    return List.of(SUBPROTOCOL);
  }

  @Override
  public Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken) {
    SocketConnection connection =
        new SocketConnection(session, SocketEndpoint.CABLE, settings, registry);
    Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    String refusal =
        handshakeToken == null ? "a token is required: /cable?token=…" : "invalid or expired token";
    Mono<Void> authenticate =
        (handshakeToken == null
                ? Mono.<SocketUser>empty()
                : authenticator.authenticate(handshakeToken))
            .flatMap(
                user ->
                    connection
                        .admit(user, event -> deliver(connection, subscriptions, event))
                        .doOnNext(
                            admitted -> {
                              if (admitted) {
                                connection.send("{\"type\":\"welcome\"}");
                              }
                            }))
            .switchIfEmpty(
                Mono.fromRunnable(
                    () -> disconnect(connection, "unauthorized", CloseCodes.unauthorized(refusal))))
            .then();
    Mono<Void> pings =
        Flux.interval(CABLE_PING, CABLE_PING)
            .takeWhile(tick -> connection.isOpen())
            .doOnNext(
                tick -> {
                  if (connection.tenant() != null) {
                    connection.send(
                        "{\"type\":\"ping\",\"message\":" + Instant.now().getEpochSecond() + "}");
                  }
                })
            .then();
    Mono<Void> served =
        connection.serve(
            text -> {
              if (connection.tenant() != null) {
                command(connection, subscriptions, text);
              }
              return Mono.empty();
            });
    return Mono.when(served, authenticate, pings);
  }

  private void command(
      SocketConnection connection, Map<String, Subscription> subscriptions, String text) {
    ObjectNode command = SocketJson.readObject(text);
    if (command == null) {
      return;
    }
    String identifier = SocketJson.text(command, "identifier");
    if (identifier == null) {
      return;
    }
    switch (String.valueOf(SocketJson.text(command, "command"))) {
      case "subscribe" -> {
        Subscription subscription = Subscription.parse(identifier);
        if (subscription == null) {
          connection.send(reply(identifier, "reject_subscription"));
        } else {
          subscriptions.put(identifier, subscription);
          connection.send(reply(identifier, "confirm_subscription"));
        }
      }
      case "unsubscribe" -> subscriptions.remove(identifier);
      default -> {
        // Channel actions ("message" commands) have no server-side meaning in these channels.
      }
    }
  }

  private static void deliver(
      SocketConnection connection, Map<String, Subscription> subscriptions, ReceivedEvent event) {
    subscriptions.forEach(
        (identifier, subscription) -> {
          ObjectNode message = subscription.render(event);
          if (message != null) {
            ObjectNode frame = SocketJson.object();
            frame.put("identifier", identifier);
            frame.set("message", message);
            connection.send(SocketJson.write(frame));
          }
        });
  }

  private static void disconnect(SocketConnection connection, String reason, CloseStatus status) {
    ObjectNode message = SocketJson.object();
    message.put("type", "disconnect");
    message.put("reason", reason);
    message.put("reconnect", false);
    connection.send(SocketJson.write(message));
    connection.close(status);
  }

  private static String reply(String identifier, String type) {
    ObjectNode message = SocketJson.object();
    message.put("identifier", identifier);
    message.put("type", type);
    return SocketJson.write(message);
  }

  /** A channel subscription, optionally narrowed to one conversation or lead. */
  private record Subscription(CableChannel channel, @Nullable String only) {

    static @Nullable Subscription parse(String identifier) {
      ObjectNode parsed = SocketJson.readObject(identifier);
      if (parsed == null) {
        return null;
      }
      return CableChannel.named(SocketJson.text(parsed, "channel"))
          .map(
              channel ->
                  new Subscription(
                      channel,
                      channel.filterField() == null
                          ? null
                          : SocketJson.text(parsed, channel.filterField())))
          .orElse(null);
    }

    @Nullable ObjectNode render(ReceivedEvent event) {
      ObjectNode message = channel.render(event);
      if (message == null || only == null) {
        return message;
      }
      JsonNode id = message.get(channel.filterField());
      return id != null && only.equals(id.asString()) ? message : null;
    }
  }
}
