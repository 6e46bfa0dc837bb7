package io.dealflow.realtime.socket;

import io.dealflow.platform.events.ReceivedEvent;
import io.dealflow.platform.security.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The sockets open on this instance, by organization and by user. Each instance receives every
 * event and delivers it to its own sockets of the event's organization only.
 */
@Component
public class SocketRegistry {

  private record UserKey(SocketEndpoint endpoint, UUID userId) {}

  private final Map<UUID, Set<SocketConnection>> byOrganization = new ConcurrentHashMap<>();
  private final Map<UserKey, Integer> perUser = new HashMap<>();

  /**
   * Registers an authenticated socket unless its user already holds {@code limit} on its endpoint.
   */
  synchronized boolean add(SocketConnection connection, int limit) {
    Tenant tenant = Objects.requireNonNull(connection.tenant());
    UserKey key = new UserKey(connection.endpoint(), tenant.userId());
    int open = perUser.getOrDefault(key, 0);
    if (open >= limit) {
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

  public synchronized int openSockets(SocketEndpoint endpoint, UUID userId) {
    return perUser.getOrDefault(new UserKey(endpoint, userId), 0);
  }

  public int organizations() {
    return byOrganization.size();
  }
}
