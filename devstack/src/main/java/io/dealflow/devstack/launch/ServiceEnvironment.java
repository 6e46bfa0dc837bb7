package io.dealflow.devstack.launch;

import io.dealflow.devstack.Keycloak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment contract between the launcher and the services: what each service process is told
 * about its port, profile and infrastructure. Services read these through Spring Boot's relaxed
 * binding ({@code SPRING_DATASOURCE_URL}) or their own {@code dealflow.*} properties.
 */
final class ServiceEnvironment {

  static final String ENV_DIR = "env";

  private ServiceEnvironment() {}

  /**
   * Writes each service's environment to {@code <dir>/<name>.env} (mode 0600: it holds the client
   * secret), so that an IDE run of one service against {@code ./run --infra-only} gets the same
   * configuration, including the embedded Kafka's random port.
   */
  static void writeFiles(
      Path dir,
      Infrastructure infrastructure,
      StackOptions options,
      List<ServiceDefinition> catalog) {
    try {
      Files.createDirectories(dir);
      for (ServiceDefinition service : catalog) {
        StringBuilder text =
            new StringBuilder("# The environment ./run gives ")
                .append(service.module())
                .append("; written at every start.\n");
        of(service, infrastructure, options, catalog)
            .forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        Path file = dir.resolve(service.name() + ".env");
        Path temp = Files.createTempFile(dir, "." + service.name(), ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the services' environment files to " + dir, e);
    }
  }

  static Map<String, String> of(
      ServiceDefinition service,
      Infrastructure infrastructure,
      StackOptions options,
      List<ServiceDefinition> catalog) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVER_PORT", String.valueOf(options.portOf(service)));
    env.put("MANAGEMENT_SERVER_PORT", String.valueOf(options.managementPortOf(service)));
    env.put("SPRING_PROFILES_ACTIVE", options.profile());
    String otlp = options.otlpEndpoint();
    if (otlp != null) {
      // platform-tracing turns tracing on exactly when this is set.
      env.put(
          "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
          StackOptions.otlpTracesUrl(otlp));
    }

    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers());
    env.put("SPRING_DATA_REDIS_HOST", infrastructure.redis().host());
    env.put("SPRING_DATA_REDIS_PORT", String.valueOf(infrastructure.redis().port()));
    String redisPassword = infrastructure.redis().password();
    if (redisPassword != null) {
      env.put("SPRING_DATA_REDIS_PASSWORD", redisPassword);
    }

    Keycloak keycloak = infrastructure.keycloak();
    env.put("DEALFLOW_SECURITY_ISSUER_URI", keycloak.issuerUri());
    env.put("DEALFLOW_SECURITY_JWK_SET_URI", keycloak.jwkSetUri());
    env.put("DEALFLOW_SECURITY_AUDIENCE", Keycloak.API_AUDIENCE);

    String database = service.database();
    if (database != null) {
      env.put("SPRING_DATASOURCE_URL", infrastructure.postgres().jdbcUrl(database));
      env.put("SPRING_DATASOURCE_USERNAME", infrastructure.postgres().username());
      env.put("SPRING_DATASOURCE_PASSWORD", infrastructure.postgres().password());
    }

    switch (service.role()) {
      case IDENTITY -> {
        env.put("DEALFLOW_KEYCLOAK_URL", keycloak.baseUrl());
        env.put("DEALFLOW_KEYCLOAK_REALM", keycloak.realm());
        env.put("DEALFLOW_KEYCLOAK_CLIENT_ID", keycloak.identityClientId());
        env.put("DEALFLOW_KEYCLOAK_CLIENT_SECRET", keycloak.identityClientSecret());
        env.put("DEALFLOW_IDENTITY_DEMO_ENABLED", "true");
        peers(service, catalog, options, env);
      }
      case GATEWAY -> {
        // Every service, started or not: the gateway answers 503 for the ones that are down.
        for (ServiceDefinition other : catalog) {
          if (other.role() != ServiceDefinition.Role.GATEWAY) {
            env.put(other.gatewayUriVariable(), "http://localhost:" + options.portOf(other));
            env.put(
                other.gatewayManagementUriVariable(),
                "http://localhost:" + options.managementPortOf(other));
          }
        }
      }
      case DOMAIN -> peers(service, catalog, options, env);
    }
    return env;
  }

  /**
   * Where the other services answer, for service-to-service calls with the user's token
   * (dealflow.services.<name>.uri): their ports move, e.g. in the end-to-end tests.
   */
  private static void peers(
      ServiceDefinition service,
      List<ServiceDefinition> catalog,
      StackOptions options,
      Map<String, String> env) {
    for (ServiceDefinition other : catalog) {
      if (other.role() != ServiceDefinition.Role.GATEWAY && !other.equals(service)) {
        env.put(other.serviceUriVariable(), "http://localhost:" + options.portOf(other));
      }
    }
  }
}
