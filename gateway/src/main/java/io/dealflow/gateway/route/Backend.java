package io.dealflow.gateway.route;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The services behind the gateway. Each has a default local address (its port in the suite's
 * numbering) that {@code dealflow.gateway.services.<id>.uri} replaces, and its actuator on the
 * management port, its port plus {@value #MANAGEMENT_PORT_OFFSET} ({@code
 * dealflow.gateway.services.<id>.management-uri}).
 */
public enum Backend {
  IDENTITY(8101),
  PLAYBOOK(8102),
  TRAINING(8103),
  CRM(8104),
  INSIGHTS(8105),
  SUPPORT(8106),
  REALTIME(8107);

  /** The suite's convention: a service's management port is its API port plus this. */
  public static final int MANAGEMENT_PORT_OFFSET = 1000;

  private final int defaultPort;

  Backend(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** The configuration key and the short name used in health bodies, e.g. {@code identity}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name clients read in error messages, e.g. {@code identity-service}. */
  public String serviceName() {
    return id() + "-service";
  }

  public URI defaultUri() {
    return URI.create("http://localhost:" + defaultPort);
  }

  /** Where the service's actuator answers by default: its management port on this host. */
  public URI defaultManagementUri() {
    return URI.create("http://localhost:" + (defaultPort + MANAGEMENT_PORT_OFFSET));
  }

  public static Optional<Backend> fromId(String id) {
    for (Backend backend : values()) {
      if (backend.id().equalsIgnoreCase(id.trim())) {
        return Optional.of(backend);
      }
    }
    return Optional.empty();
  }
}
