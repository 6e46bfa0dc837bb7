package io.dealflow.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.deploy.Deployables;
import io.dealflow.devstack.launch.ServiceDefinition;
import io.dealflow.devstack.launch.ServiceDefinition.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and its local override hold every application of the launcher's table: its
 * image, its database, the gateway's route to it and its start order.
 */
class ComposeCoverageTest {

  @Test
  void everyApplicationIsAComposeServiceWithItsImageDatabaseAndGatewayRoute() throws IOException {
    Map<String, Object> services = services("docker-compose.yml");
    Map<String, Object> gateway = map(services.get("gateway"));
    Map<String, Object> gatewayEnv = map(gateway.get("environment"));
    Map<String, Object> gatewayNeeds = map(gateway.get("depends_on"));
    String databases =
        String.valueOf(
            map(map(services.get("postgres")).get("environment")).get("DEALFLOW_DATABASES"));
    for (ServiceDefinition app : Deployables.all()) {
      assertThat(services)
          .as("%s has no service in docker-compose.yml", app.name())
          .containsKey(app.name());
      Map<String, Object> service = map(services.get(app.name()));
      assertThat(String.valueOf(service.get("image")))
          .as("%s's image in docker-compose.yml", app.name())
          .contains("}" + app.module() + ":");
      if (app.database() != null) {
        assertThat(databases.split(" "))
            .as("%s's database in docker-compose.yml's DEALFLOW_DATABASES", app.name())
            .contains(app.database());
      }
      if (app.role() != Role.GATEWAY) {
        assertThat(gatewayEnv)
            .as("the compose gateway's route to %s", app.name())
            .containsKey(app.gatewayUriVariable())
            .containsKey(app.gatewayManagementUriVariable());
        assertThat(String.valueOf(gatewayNeeds.get(app.name())))
            .as("the compose gateway waits for %s to be healthy", app.name())
            .contains("service_healthy");
      }
    }
  }

  @Test
  void theLocalOverrideRunsEveryApplicationOnTheHostNetwork() throws IOException {
    Map<String, Object> services = services("deploy/compose/local.yml");
    for (ServiceDefinition app : Deployables.all()) {
      assertThat(services)
          .as("%s has no service in deploy/compose/local.yml", app.name())
          .containsKey(app.name());
      assertThat(map(services.get(app.name())).get("network_mode"))
          .as("%s in deploy/compose/local.yml", app.name())
          .isEqualTo("host");
    }
  }

  private static Map<String, Object> services(String file) throws IOException {
    Map<String, Object> document =
        new Yaml().load(Files.readString(Deployables.repositoryRoot().resolve(file)));
    return map(document.get("services"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
