package io.dealflow.gateway;

import io.dealflow.gateway.route.Backend;
import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in services of the gateway tests, started once per JVM: identity, crm, insights,
 * support and realtime answer (see {@link EchoBackend}); playbook and training are never started,
 * their addresses point at ports nothing listens on.
 */
final class Backends {

  static final Set<Backend> NOT_STARTED = EnumSet.of(Backend.PLAYBOOK, Backend.TRAINING);

  /**
   * Where nothing listens. A free port from the ephemeral range would not do: an outgoing
   * connection can be given that very port as its own and then connect to itself and hang.
   */
  private static final int DEAD_PORT = 9;

  private static final Backends INSTANCE = new Backends();

  private final Map<Backend, URI> uris = new EnumMap<>(Backend.class);
  private final Map<Backend, URI> managementUris = new EnumMap<>(Backend.class);

  private Backends() {
    for (Backend backend : Backend.values()) {
      if (NOT_STARTED.contains(backend)) {
        uris.put(backend, URI.create("http://127.0.0.1:" + DEAD_PORT));
        managementUris.put(backend, URI.create("http://127.0.0.1:" + DEAD_PORT));
      } else {
        EchoBackend echo = EchoBackend.start(backend.id());
        Runtime.getRuntime().addShutdownHook(new Thread(echo::close));
        uris.put(backend, echo.uri());
        managementUris.put(backend, echo.managementUri());
      }
    }
  }

  static Backends get() {
    return INSTANCE;
  }

  URI uri(Backend backend) {
    return uris.get(backend);
  }

  /** Where the service's actuator is: a port of its own, as every service has. */
  URI managementUri(Backend backend) {
    return managementUris.get(backend);
  }
}
