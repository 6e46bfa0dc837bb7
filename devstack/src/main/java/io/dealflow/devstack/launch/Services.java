package io.dealflow.devstack.launch;

import static io.dealflow.devstack.launch.ServiceDefinition.Role.DOMAIN;
import static io.dealflow.devstack.launch.ServiceDefinition.Role.GATEWAY;
import static io.dealflow.devstack.launch.ServiceDefinition.Role.IDENTITY;

import java.util.List;
import java.util.Optional;

/**
 * Every application of the suite. A new service is one line here: the launcher starts it when its
 * module has been built, creates its database, and tells the gateway where it is.
 */
public final class Services {

  public static final List<ServiceDefinition> ALL =
      List.of(
          new ServiceDefinition("identity", "identity-service", 8101, "identity", IDENTITY),
          new ServiceDefinition("playbook", "playbook-service", 8102, "playbook", DOMAIN),
          new ServiceDefinition("training", "training-service", 8103, "training", DOMAIN),
          new ServiceDefinition("crm", "crm-service", 8104, "crm", DOMAIN),
          new ServiceDefinition("insights", "insights-service", 8105, "insights", DOMAIN),
          new ServiceDefinition("support", "support-service", 8106, "support", DOMAIN),
          new ServiceDefinition("realtime", "realtime-service", 8107, "realtime", DOMAIN),
          new ServiceDefinition("gateway", "gateway", 8080, null, GATEWAY));

  private Services() {}

  /** By short name or module name: {@code identity} and {@code identity-service} both work. */
  public static Optional<ServiceDefinition> named(String name) {
    return ALL.stream()
        .filter(service -> service.name().equals(name) || service.module().equals(name))
        .findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(ServiceDefinition::name).toList();
  }
}
