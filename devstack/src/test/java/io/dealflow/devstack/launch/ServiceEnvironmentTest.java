package io.dealflow.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.dealflow.devstack.Kafka;
import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Postgres;
import io.dealflow.devstack.Redis;
import io.dealflow.devstack.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceEnvironmentTest {

  private static final Infrastructure INFRASTRUCTURE =
      new Infrastructure(
          new Postgres(
              "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "pg-pass", Source.LOCAL),
          Redis.at("127.0.0.1", 6379, Source.LOCAL),
          new Kafka("localhost:41234", Source.EMBEDDED),
          new Keycloak(
              "http://localhost:8180",
              "dealflow",
              "http://localhost:8180/realms/dealflow",
              "http://localhost:8180/realms/dealflow/protocol/openid-connect/certs",
              "http://localhost:8180/realms/dealflow/protocol/openid-connect/token",
              "dealflow-identity",
              "client-secret",
              "dealflow-ops",
              "ops-secret",
              "admin",
              "admin-pass",
              "demo-pass",
              Source.EMBEDDED));

  private static final StackOptions OPTIONS =
      new StackOptions(
          Path.of("/repo"),
          null,
          "dev",
          Map.of(),
          Map.of(),
          false,
          Path.of("/repo/.devstack/logs"),
          Duration.ofSeconds(120),
          StackOptions.DEV_JVM_ARGUMENTS,
          true,
          new PrintStream(new ByteArrayOutputStream()),
          false,
          null);

  @Test
  void everyServiceGetsPortProfileInfrastructureAndTokenRules() {
    Map<String, String> env = environment("playbook", OPTIONS);

    assertThat(env)
        .contains(
            entry("SERVER_PORT", "8102"),
            entry("SPRING_PROFILES_ACTIVE", "dev"),
            entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:41234"),
            entry("SPRING_DATA_REDIS_HOST", "127.0.0.1"),
            entry("SPRING_DATA_REDIS_PORT", "6379"),
            entry("DEALFLOW_SECURITY_ISSUER_URI", "http://localhost:8180/realms/dealflow"),
            entry(
                "DEALFLOW_SECURITY_JWK_SET_URI",
                "http://localhost:8180/realms/dealflow/protocol/openid-connect/certs"),
            entry("DEALFLOW_SECURITY_AUDIENCE", "dealflow-api"),
            entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/playbook"),
            entry("SPRING_DATASOURCE_USERNAME", "postgres"),
            entry("SPRING_DATASOURCE_PASSWORD", "pg-pass"))
        .doesNotContainKeys("DEALFLOW_KEYCLOAK_CLIENT_SECRET", "JAVA_TOOL_OPTIONS");
  }

  @Test
  void identityAlsoGetsTheKeycloakClientAndDemoData() {
    Map<String, String> env = environment("identity", OPTIONS);

    assertThat(env)
        .contains(
            entry("SERVER_PORT", "8101"),
            entry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/identity"),
            entry("DEALFLOW_KEYCLOAK_URL", "http://localhost:8180"),
            entry("DEALFLOW_KEYCLOAK_REALM", "dealflow"),
            entry("DEALFLOW_KEYCLOAK_CLIENT_ID", "dealflow-identity"),
            entry("DEALFLOW_KEYCLOAK_CLIENT_SECRET", "client-secret"),
            entry("DEALFLOW_IDENTITY_DEMO_ENABLED", "true"));
  }

  @Test
  void gatewayLearnsEveryServiceAddressButGetsNoDatabase() {
    Map<String, String> env =
        environment("gateway", OPTIONS.withGatewayPort(9090).withProfile("demo"));

    assertThat(env)
        .contains(
            entry("SERVER_PORT", "9090"),
            entry("SPRING_PROFILES_ACTIVE", "demo"),
            entry("DEALFLOW_GATEWAY_SERVICES_IDENTITY_URI", "http://localhost:8101"),
            entry("DEALFLOW_GATEWAY_SERVICES_PLAYBOOK_URI", "http://localhost:8102"),
            entry("DEALFLOW_GATEWAY_SERVICES_TRAINING_URI", "http://localhost:8103"),
            entry("DEALFLOW_GATEWAY_SERVICES_CRM_URI", "http://localhost:8104"),
            entry("DEALFLOW_GATEWAY_SERVICES_INSIGHTS_URI", "http://localhost:8105"),
            entry("DEALFLOW_GATEWAY_SERVICES_SUPPORT_URI", "http://localhost:8106"),
            entry("DEALFLOW_GATEWAY_SERVICES_REALTIME_URI", "http://localhost:8107"),
            entry("MANAGEMENT_SERVER_PORT", "9080"),
            entry("DEALFLOW_GATEWAY_SERVICES_IDENTITY_MANAGEMENT_URI", "http://localhost:9101"),
            entry("DEALFLOW_GATEWAY_SERVICES_REALTIME_MANAGEMENT_URI", "http://localhost:9107"))
        .doesNotContainKeys(
            "SPRING_DATASOURCE_URL",
            "DEALFLOW_GATEWAY_SERVICES_GATEWAY_URI",
            "DEALFLOW_KEYCLOAK_CLIENT_SECRET");
  }

  @Test
  void aServiceLearnsWhereTheOtherServicesAnswerButNotItselfNorTheGateway() {
    Map<String, String> env = environment("realtime", OPTIONS.withPort("playbook", 18102));

    assertThat(env)
        .contains(
            entry("DEALFLOW_SERVICES_IDENTITY_URI", "http://localhost:8101"),
            entry("DEALFLOW_SERVICES_PLAYBOOK_URI", "http://localhost:18102"),
            entry("DEALFLOW_SERVICES_CRM_URI", "http://localhost:8104"))
        .doesNotContainKeys("DEALFLOW_SERVICES_REALTIME_URI", "DEALFLOW_SERVICES_GATEWAY_URI");
  }

  @Test
  void movedServicePortReachesTheGatewayToo() {
    Map<String, String> env = environment("gateway", OPTIONS.withPort("identity", 18101));

    assertThat(env)
        .contains(entry("DEALFLOW_GATEWAY_SERVICES_IDENTITY_URI", "http://localhost:18101"));
  }

  @Test
  void eachServiceServesItsActuatorOnItsOwnManagementPort() {
    assertThat(environment("crm", OPTIONS)).contains(entry("MANAGEMENT_SERVER_PORT", "9104"));
    assertThat(environment("crm", OPTIONS.withManagementPort("crm", 19104)))
        .contains(entry("MANAGEMENT_SERVER_PORT", "19104"));
    assertThat(environment("gateway", OPTIONS.withManagementPort("crm", 19104)))
        .contains(entry("DEALFLOW_GATEWAY_SERVICES_CRM_MANAGEMENT_URI", "http://localhost:19104"));
  }

  @Test
  void environmentFilesGiveAnIdeRunTheSameConfigurationPrivately(@TempDir Path dir)
      throws IOException {
    ServiceEnvironment.writeFiles(dir, INFRASTRUCTURE, OPTIONS, Services.ALL);

    Path identity = dir.resolve("identity.env");
    assertThat(Files.readString(identity))
        .contains("SERVER_PORT=8101\n")
        .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:41234\n")
        .contains("DEALFLOW_KEYCLOAK_CLIENT_SECRET=client-secret\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)))
        .isEqualTo("rw-------");
    assertThat(dir.resolve("gateway.env")).exists();
    assertThat(dir.resolve("realtime.env")).exists();
  }

  private static Map<String, String> environment(String service, StackOptions options) {
    return ServiceEnvironment.of(
        Services.named(service).orElseThrow(), INFRASTRUCTURE, options, Services.ALL);
  }

  @Test
  void tracingIsOffUnlessAnOtlpEndpointIsGivenThenEveryServiceExportsToIt() {
    for (ServiceDefinition service : Services.ALL) {
      assertThat(ServiceEnvironment.of(service, INFRASTRUCTURE, OPTIONS, Services.ALL))
          .doesNotContainKey(OTLP);
      assertThat(
              ServiceEnvironment.of(
                  service,
                  INFRASTRUCTURE,
                  OPTIONS.withOtlpEndpoint("http://collector:4318"),
                  Services.ALL))
          .as(service.name())
          .containsEntry(OTLP, "http://collector:4318/v1/traces");
    }
    assertThat(
            environment(
                "gateway", OPTIONS.withOtlpEndpoint("https://otel.example:4318/custom/traces")))
        .containsEntry(OTLP, "https://otel.example:4318/custom/traces");
  }

  private static final String OTLP = "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";

  @Test
  void devJvmFlagsAlwaysAllowNativeAccess() {
    assertThat(OPTIONS.serviceJvmArguments())
        .containsExactly(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-XX:TieredStopAtLevel=1",
            "-Xmx256m",
            "--enable-native-access=ALL-UNNAMED");
    assertThat(OPTIONS.withJvmArguments(List.of("-Xmx1g")).serviceJvmArguments())
        .containsExactly("-Xmx1g", "--enable-native-access=ALL-UNNAMED");
  }
}
