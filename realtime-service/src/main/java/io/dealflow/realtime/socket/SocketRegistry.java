package io.dealflow.realtime.socket;

import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.platform.security.Tenant;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sockets open on this instance, by organization and by user. Each instance receives every
 * event and delivers it to its own sockets of the event's organization only. A user's per-endpoint
 * limit counts the sockets of every instance ({@link SocketPresence}); this instance's own count is
 * the fallback while Redis is unavailable. Once a second it closes the sockets whose token has
 * expired.
 */
@Component
public class SocketRegistry implements SmartLifecycle {

  private static final Duration EXPIRY_CHECK = Duration.ofSeconds(1);
  private static final Duration RELEASE_ON_STOP = Duration.ofSeconds(2);
  private static final CloseStatus GOING_AWAY =
      CloseStatus.GOING_AWAY.withReason("server shutting down");

  private record UserKey(SocketEndpoint endpoint, UUID userId) {}

  private final Map<UUID, Set<SocketConnection>> byOrganization = new ConcurrentHashMap<>();
  private final Map<UserKey, Integer> perUser = new HashMap<>();
  private final AtomicLong socketIds = new AtomicLong();
  private final SocketPresence presence;
  private volatile @Nullable Disposable timers;

  SocketRegistry(SocketPresence presence, MeterRegistry meters) {
    this.presence = presence;
    for (SocketEndpoint endpoint : SocketEndpoint.values()) {
      Gauge.builder("dealflow.sockets.open", this, registry -> registry.openSockets(endpoint))
          .description("Authenticated client sockets open on this instance")
          .tag("endpoint", endpoint.path())
          .register(meters);
    }
  }

  /** A number for a new socket, unique on this instance. */
  long nextSocketId() {
    return socketIds.incrementAndGet();
  }

  /**
   * Registers an authenticated socket unless its user already holds {@code limit} on its endpoint,
   * on any instance.
   */
  Mono<Boolean> add(SocketConnection connection, int limit) {
    Tenant tenant = Objects.requireNonNull(connection.tenant());
    return Detached.step(
            () ->
                presence.claim(
                    connection.endpoint(), tenant.userId(), connection.socketId(), limit))
        .map(claim -> register(connection, tenant, limit, claim));
  }

  private synchronized boolean register(
      SocketConnection connection, Tenant tenant, int limit, SocketPresence.Claim claim) {
    UserKey key = new UserKey(connection.endpoint(), tenant.userId());
    int open = perUser.getOrDefault(key, 0);
    boolean admitted =
        switch (claim) {
          case ADMITTED -> true;
          case REFUSED -> false;
          case UNAVAILABLE -> open < limit;
        };
    // A socket that closed while Redis answered must not stay counted anywhere.
    if (!admitted || !connection.isOpen()) {
      if (claim != SocketPresence.Claim.REFUSED) {
        presence.release(key.endpoint(), key.userId(), connection.socketId());
      }
      return false;
    }
    perUser.put(key, open + 1);
    byOrganization
        .computeIfAbsent(
            Objects.requireNonNull(tenant.orgId()), org -> ConcurrentHashMap.newKeySet())
        .add(connection);
    return true;
  }

  synchronized void remove(SocketConnection connection) {
    Tenant tenant = connection.tenant();
    if (tenant == null || tenant.orgId() == null) {
      return;
    }
    Set<SocketConnection> sockets = byOrganization.get(tenant.orgId());
    if (sockets == null || !sockets.remove(connection)) {
      return;
    }
    if (sockets.isEmpty()) {
      byOrganization.remove(tenant.orgId());
    }
    perUser.computeIfPresent(
        new UserKey(connection.endpoint(), tenant.userId()),
        (key, open) -> open > 1 ? open - 1 : null);
    presence.release(connection.endpoint(), tenant.userId(), connection.socketId());
  }

  /** Hands an event to every socket of its organization on this instance. */
  public void deliver(ReceivedEvent event) {
    if (event.orgId() == null) {
      return;
    }
    Set<SocketConnection> sockets = byOrganization.get(event.orgId());
    if (sockets != null) {
      List.copyOf(sockets).forEach(socket -> socket.deliver(event));
    }
  }

  /** This instance's sockets of a user on an endpoint. */
  public synchronized int openSockets(SocketEndpoint endpoint, UUID userId) {
    return perUser.getOrDefault(new UserKey(endpoint, userId), 0);
  }

  /** This instance's authenticated sockets on an endpoint. */
  public synchronized int openSockets(SocketEndpoint endpoint) {
    int open = 0;
    for (Map.Entry<UserKey, Integer> entry : perUser.entrySet()) {
      if (entry.getKey().endpoint() == endpoint) {
        open += entry.getValue();
      }
    }
    return open;
  }

  public int organizations() {
    return byOrganization.size();
  }

  /** Closes, with 4401 {@code token expired}, every socket whose token is no longer valid. */
  void closeExpired() {
    long now = System.currentTimeMillis();
    for (Set<SocketConnection> sockets : byOrganization.values()) {
      for (SocketConnection socket : sockets) {
        if (socket.validUntilMillis() <= now) {
          socket.close(CloseCodes.unauthorized("token expired"));
        }
      }
    }
  }

  /**
   * Renews this instance's places in Redis; a socket that closed while the round was under way is
   * given back again, so that the renewal cannot outlive it.
   */
  Mono<Void> renew() {
    List<SocketConnection> open = open();
    return presence
        .renew(held(open))
        .then(
            Mono.fromRunnable(
                () ->
                    open.stream()
                        .filter(socket -> !registered(socket))
                        .forEach(
                            socket ->
                                presence.release(
                                    socket.endpoint(),
                                    Objects.requireNonNull(socket.tenant()).userId(),
                                    socket.socketId()))));
  }

  @Override
  public void start() {
    this.timers =
        Disposables.composite(
            Flux.interval(EXPIRY_CHECK).subscribe(tick -> closeExpired()),
            Flux.interval(presence.refreshInterval())
                .onBackpressureDrop()
                .concatMap(tick -> renew(), 1)
                .subscribe());
  }

  /**
   * Runs before the web server's graceful shutdown (a higher phase stops first): closes this
   * instance's sockets with 1001 so that their clients reconnect to another instance, and gives
   * their places back in one round, so that those reconnects are not refused for sockets that are
   * gone. An open socket would otherwise hold the graceful shutdown until its timeout.
   */
  @Override
  public void stop() {
    Disposable running = timers;
    timers = null;
    if (running != null) {
      running.dispose();
    }
    List<SocketConnection> open = open();
    List<SocketPresence.Held> held = held(open);
    open.forEach(socket -> socket.close(GOING_AWAY));
    presence.releaseAll(held).block(RELEASE_ON_STOP);
  }

  @Override
  public boolean isRunning() {
    return timers != null;
  }

  private boolean registered(SocketConnection socket) {
    Tenant tenant = socket.tenant();
    Set<SocketConnection> sockets =
        tenant == null || tenant.orgId() == null ? null : byOrganization.get(tenant.orgId());
    return sockets != null && sockets.contains(socket);
  }

  private List<SocketConnection> open() {
    List<SocketConnection> open = new ArrayList<>();
    byOrganization.values().forEach(open::addAll);
    return open;
  }

  private static List<SocketPresence.Held> held(List<SocketConnection> sockets) {
    Map<UserKey, List<Long>> byUser = new HashMap<>();
    for (SocketConnection socket : sockets) {
      Tenant tenant = Objects.requireNonNull(socket.tenant());
      byUser
          .computeIfAbsent(
              new UserKey(socket.endpoint(), tenant.userId()), key -> new ArrayList<>())
          .add(socket.socketId());
    }
    return byUser.entrySet().stream()
        .map(
            entry ->
                new SocketPresence.Held(
                    entry.getKey().endpoint(), entry.getKey().userId(), entry.getValue()))
        .toList();
  }
}
