package io.dealflow.devstack.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.support.BuildInfo;
import io.dealflow.devstack.support.Probes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's core against real infrastructure, with {@link FakeService} jars in place of the
 * services so that it does not depend on the other modules being built.
 */
class StackIT {

  @TempDir Path root;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private int identityPort;
  private int gatewayPort;
  private int identityManagementPort;
  private int gatewayManagementPort;

  @BeforeEach
  void ports() throws IOException {
    identityPort = freePort();
    gatewayPort = freePort();
    identityManagementPort = freePort();
    gatewayManagementPort = freePort();
  }

  @Test
  void startsTheBuiltServicesWithTheContractAndStopsThem() throws Exception {
    fakeJar("identity-service");
    fakeJar("gateway");

    RunningStack stack = Stack.start(options());
    try {
      assertThat(stack.services()).containsExactly("identity", "gateway");
      assertThat(stack.gatewayUrl()).isEqualTo("http://localhost:" + gatewayPort);
      assertThat(stack.skippedServices()).containsKey("crm");

      String identityEnv = get(stack.serviceUrl("identity") + "/env");
      assertThat(identityEnv)
          .contains("SERVER_PORT=" + identityPort + "\n")
          .contains("MANAGEMENT_SERVER_PORT=" + identityManagementPort + "\n")
          .contains("SPRING_PROFILES_ACTIVE=dev\n")
          .contains("SPRING_DATASOURCE_URL=" + Devstack.postgres().jdbcUrl("identity") + "\n")
          .contains(
              "DEALFLOW_KEYCLOAK_CLIENT_SECRET="
                  + Devstack.keycloak().identityClientSecret()
                  + "\n")
          .contains("DEALFLOW_SECURITY_ISSUER_URI=" + Devstack.keycloak().issuerUri() + "\n")
          .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=" + Devstack.kafka().bootstrapServers() + "\n")
          .doesNotContain("JAVA_TOOL_OPTIONS");
      assertThat(get(stack.gatewayUrl() + "/env"))
          .contains(
              "DEALFLOW_GATEWAY_SERVICES_IDENTITY_URI=http://localhost:" + identityPort + "\n")
          .contains(
              "DEALFLOW_GATEWAY_SERVICES_IDENTITY_MANAGEMENT_URI=http://localhost:"
                  + identityManagementPort
                  + "\n")
          .contains("DEALFLOW_GATEWAY_SERVICES_CRM_URI=http://localhost:8104\n")
          .contains("DEALFLOW_GATEWAY_SERVICES_CRM_MANAGEMENT_URI=http://localhost:9104\n");
      assertThat(stack.managementUrl("identity"))
          .isEqualTo("http://localhost:" + identityManagementPort);
      assertThat(Devstack.postgres().databaseExists("identity")).isTrue();
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("[identity] fake service listening on " + identityPort)
          .contains("identity ready on http://localhost:" + identityPort);
      assertThat(Files.readString(root.resolve("logs/identity.log")))
          .contains("fake service listening on " + identityPort);
    } finally {
      stack.close();
    }

    assertThat(Probes.listening("127.0.0.1", identityPort)).isFalse();
    assertThat(Probes.listening("127.0.0.1", gatewayPort)).isFalse();
    assertThat(Probes.listening("127.0.0.1", identityManagementPort)).isFalse();
  }

  @Test
  void serviceThatDiesBeforeItIsReadyIsReportedWithTheEndOfItsLog() throws Exception {
    fakeJar("identity-service");
    fakeJar("gateway");
    Files.writeString(root.resolve("identity-service/fake.properties"), "exit=3\n");

    assertThatThrownBy(() -> Stack.start(options()))
        .isInstanceOf(StackStartException.class)
        .hasMessageContaining("identity failed: exited before it was ready")
        .hasMessageContaining("(exit code 3)")
        .hasMessageContaining("Last 30 lines of " + root.resolve("logs/identity.log"))
        .hasMessageContaining("fake line 40")
        .hasMessageContaining("fake line 11\n")
        .hasMessageNotContaining("fake line 10\n");
    assertThat(Probes.listening("127.0.0.1", gatewayPort)).isFalse();
  }

  @Test
  void serviceThatNeverBecomesReadyTimesOutAndIsStopped() throws Exception {
    fakeJar("identity-service");
    Files.writeString(root.resolve("identity-service/fake.properties"), "ready=false\n");

    assertThatThrownBy(() -> Stack.start(options().withReadinessTimeout(Duration.ofSeconds(4))))
        .isInstanceOf(StackStartException.class)
        .hasMessageContaining("identity failed: not ready after 4 s");
    assertThat(Probes.listening("127.0.0.1", identityPort)).isFalse();
  }

  private StackOptions options() {
    return StackOptions.defaults()
        .withRepositoryRoot(root)
        .withPort("identity", identityPort)
        .withGatewayPort(gatewayPort)
        .withManagementPort("identity", identityManagementPort)
        .withManagementPort("gateway", gatewayManagementPort)
        .withLogsDir(root.resolve("logs"))
        .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8), false);
  }

  /** A jar at the module's real jar path whose main class is FakeService. */
  private void fakeJar(String module) throws IOException {
    Path jar =
        root.resolve(module + "/target/" + module + "-" + BuildInfo.projectVersion() + ".jar");
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
    String entry = FakeService.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream classFile = FakeService.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      classFile.transferTo(out);
      out.closeEntry();
    }
  }

  private static String get(String url) {
    return Probes.body(URI.create(url), Duration.ofSeconds(5)).orElseThrow();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
