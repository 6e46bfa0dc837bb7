package io.dealflow.devstack.launch;

import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One runnable Dealflow application as the launcher sees it.
 *
 * @param name short name: log prefix, {@code --services} value, gateway variable ({@code identity})
 * @param module Maven module directory, also the jar's base name ({@code identity-service})
 * @param port its HTTP port in local runs; its actuator answers on {@link #managementPort()}
 * @param database its own PostgreSQL database, or null when it keeps no data
 * @param role what extra configuration it gets beyond the common contract
 */
public record ServiceDefinition(
    String name, String module, int port, @Nullable String database, Role role) {

  /** Extra configuration a service receives. */
  public enum Role {
    /** The common contract only. */
    DOMAIN,
    /** Also the Keycloak client credentials and demo data switch (identity-service). */
    IDENTITY,
    /** Also the URI of every other service in the table (the gateway). */
    GATEWAY
  }

  /**
   * The port of its actuator (probes, Prometheus, operator endpoints) in local runs: its HTTP port
   * plus 1000 (identity 8101 / 9101, gateway 8080 / 9080). The gateway never routes it.
   */
  public int managementPort() {
    return port + 1000;
  }

  public Path moduleDir(Path repositoryRoot) {
    return repositoryRoot.resolve(module);
  }

  /** The executable jar the module's build produces. */
  public Path jar(Path repositoryRoot, String version) {
    return moduleDir(repositoryRoot).resolve("target").resolve(module + "-" + version + ".jar");
  }

  /** The variable the gateway reads this service's management address from (for its health). */
  public String gatewayManagementUriVariable() {
    return "DEALFLOW_GATEWAY_SERVICES_"
        + name.toUpperCase(Locale.ROOT).replace('-', '_')
        + "_MANAGEMENT_URI";
  }

  /** The variable the gateway reads this service's address from. */
  public String gatewayUriVariable() {
    return "DEALFLOW_GATEWAY_SERVICES_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URI";
  }

  /**
   * The variable through which the other services learn this one's address ({@code
   * dealflow.services.<name>.uri}).
   */
  public String serviceUriVariable() {
    return "DEALFLOW_SERVICES_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URI";
  }
}
