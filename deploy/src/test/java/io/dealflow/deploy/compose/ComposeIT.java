package io.dealflow.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.jayway.jsonpath.JsonPath;
import io.dealflow.deploy.Deployables;
import io.dealflow.deploy.Images;
import io.dealflow.deploy.Podman;
import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Postgres;
import io.dealflow.devstack.launch.ServiceDefinition;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docker-compose.yml for real: validated by {@code docker-compose config}, then started with
 * docker-compose 1.29 against Podman's Docker API, with {@code deploy/compose/local.yml} pointing
 * the infrastructure at this machine's PostgreSQL and Redis and devstack's Kafka and Keycloak, the
 * health checks run by {@code deploy/compose/podman-healthchecks}. The suite is then used through
 * the compose gateway as a frontend would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeIT {

  private static final String PROJECT = "dealflow-compose-it";
  private static final String GATEWAY = "http://127.0.0.1:8080";
  private static final Map<String, String> PLACEHOLDER_SECRETS =
      Map.of(
          "POSTGRES_PASSWORD", "placeholder",
          "REDIS_PASSWORD", "placeholder",
          "KEYCLOAK_ADMIN_PASSWORD", "placeholder",
          "DEALFLOW_KEYCLOAK_CLIENT_SECRET", "placeholder",
          "DEALFLOW_OPS_CLIENT_SECRET", "placeholder",
          "DEALFLOW_DEMO_PASSWORD", "placeholder",
          "DEALFLOW_CRM_INTEGRATIONS_ENCRYPTION_KEY", "placeholder",
          "DEALFLOW_REALTIME_WEBHOOKS_ENCRYPTION_KEY", "placeholder");

  /** An empty env file: a developer's .env beside docker-compose.yml must not leak in. */
  private static final String NO_ENV_FILE = emptyEnvFile();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final List<Process> started = new ArrayList<>();
  private Map<String, String> env = Map.of();
  private Keycloak keycloak;

  @BeforeAll
  void requireTools() {
    if (!Podman.onPath("docker-compose")) {
      fail(
          "docker-compose is not installed: run bin/containers-setup as root (it installs"
              + " docker-compose 1.29 and Podman from Debian)");
    }
  }

  @Test
  @Order(1)
  void composeFileAndLocalOverrideValidate() {
    for (List<String> files :
        List.of(
            List.<String>of(),
            List.of("-f", "docker-compose.yml", "-f", "deploy/compose/local.yml"))) {
      List<String> command = new ArrayList<>(List.of("docker-compose", "--env-file", NO_ENV_FILE));
      command.addAll(files);
      command.addAll(List.of("config", "-q"));
      Podman.Result result = Podman.run(Duration.ofSeconds(60), PLACEHOLDER_SECRETS, command);
      assertThat(result.exitCode())
          .as(String.join(" ", command) + ": " + result.describe())
          .isZero();
    }
  }

  @Test
  @Order(2)
  void composeWithoutSecretsNamesTheScriptThatWritesThem() {
    Podman.Result result =
        Podman.run(
            Duration.ofSeconds(60),
            Map.of(),
            List.of("docker-compose", "--env-file", NO_ENV_FILE, "config", "-q"));
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("run deploy/compose/secrets");
  }

  @Test
  @Order(3)
  void theWholeSuiteStartsInOrderAndServesThroughItsGateway() throws Exception {
    Images.buildAll();
    for (int port : List.of(8080, 8101, 8102, 8104, 8107, 9080, 9101, 9102, 9104, 9107)) {
      assertThat(listening(port))
          .as("port " + port + " is taken; stop ./run (compose's containers use the fixed ports)")
          .isFalse();
    }
    Postgres postgres = Devstack.postgres();
    keycloak = Devstack.keycloak();
    String kafka = Devstack.kafka().bootstrapServers();
    for (ServiceDefinition app : Deployables.all()) {
      if (app.database() != null) {
        postgres.createDatabaseIfMissing(app.database());
      }
    }
    Path socketDir = Files.createTempDirectory("dealflow-podman");
    String socket = "unix://" + socketDir.resolve("podman.sock");
    started.add(
        new ProcessBuilder("podman", "system", "service", "--time=0", socket)
            .redirectErrorStream(true)
            .redirectOutput(socketDir.resolve("service.log").toFile())
            .start());
    started.add(
        new ProcessBuilder(
                Deployables.repositoryRoot()
                    .resolve("deploy/compose/podman-healthchecks")
                    .toString())
            .redirectErrorStream(true)
            .redirectOutput(socketDir.resolve("healthchecks.log").toFile())
            .start());
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(socketDir.resolve("podman.sock")) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Map<String, String> variables = new LinkedHashMap<>(PLACEHOLDER_SECRETS);
    variables.put("DOCKER_HOST", socket);
    variables.put("COMPOSE_PROJECT_NAME", PROJECT);
    variables.put("DEALFLOW_KAFKA_BOOTSTRAP", kafka);
    variables.put("DEALFLOW_KEYCLOAK_URL", keycloak.baseUrl());
    variables.put("DEALFLOW_KEYCLOAK_CLIENT_SECRET", keycloak.identityClientSecret());
    variables.put("DEALFLOW_DEMO_PASSWORD", keycloak.demoPassword());
    variables.put(
        "DEALFLOW_CRM_INTEGRATIONS_ENCRYPTION_KEY", "N5DHpK6sr8r0g95TSVjP5zo8M2oTZKs31m2eVpnzIlg=");
    variables.put(
        "DEALFLOW_REALTIME_WEBHOOKS_ENCRYPTION_KEY",
        "A/Rxqy0TFXt2sN22DzMc1b7gx2TMOA9hd4/wDC6RBR8=");
    env = variables;
    compose(Duration.ofSeconds(60), "down", "-t", "5");

    long start = System.nanoTime();
    Podman.Result up = compose(Duration.ofMinutes(8), "up", "-d");
    assertThat(up.exitCode()).as("docker-compose up: " + up.describe() + "\n" + logs()).isZero();
    System.out.println("compose: up in " + (System.nanoTime() - start) / 1_000_000 + " ms");

    // Nothing waits for the gateway's own health: wait here, as an operator would.
    long healthyBy = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    String ps = compose(Duration.ofSeconds(60), "ps").out();
    while (!allHealthy(ps) && System.nanoTime() < healthyBy) {
      Thread.sleep(2000);
      ps = compose(Duration.ofSeconds(60), "ps").out();
    }
    String finalPs = ps;
    assertThat(allHealthy(ps))
        .as(() -> "not every container is healthy:\n" + finalPs + "\n" + logs())
        .isTrue();
    System.out.println(
        "compose: every container healthy "
            + (System.nanoTime() - start) / 1_000_000
            + " ms after up");
    assertThat(get("/health", null).statusCode()).as("gateway /health").isEqualTo(200);

    // As ./run's first requests: the demo rep signs in and reads the playbook's assignments.
    String demo = login(Keycloak.DEMO_REP_EMAIL, keycloak.demoPassword());
    HttpResponse<String> assignments = get("/api/v1/sailwind/my/rep-assignments", demo);
    assertThat(assignments.statusCode()).as(assignments.body()).isEqualTo(200);

    // A frontend: register, login, me, a Spotlight lead, a VectorOS deal.
    String email = "compose-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> registered =
        post(
            "/api/v1/auth/register",
            null,
            "{\"email\":\""
                + email
                + "\",\"password\":\"Correct-Horse-42\",\"first_name\":\"Erin\","
                + "\"last_name\":\"Tester\",\"company\":\"Compose Traders\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String token = login(email, "Correct-Horse-42");
    HttpResponse<String> me = get("/api/v1/auth/me", token);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(JsonPath.<String>read(me.body(), "$.email")).isEqualTo(email);
    String orgId = JsonPath.read(me.body(), "$.tenant_id");

    HttpResponse<String> lead =
        post(
            "/api/v1/leads",
            token,
            "{\"lead\":{\"name\":\"Jane Smith\",\"email\":\"jane@tech.example\",\"source\":\"website\"}}");
    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
    String leadId = JsonPath.read(lead.body(), "$.data.id");
    HttpResponse<String> leads = get("/api/v1/leads", token);
    assertThat(leads.statusCode()).as(leads.body()).isEqualTo(200);
    assertThat(JsonPath.<List<String>>read(leads.body(), "$.data[*].id")).containsExactly(leadId);

    HttpResponse<String> deal =
        post(
            "/api/v1/workspaces/" + orgId + "/deals",
            token,
            "{\"title\":\"Annual licence\",\"value\":25000,\"currency\":\"USD\"}");
    assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
    String dealId = JsonPath.read(deal.body(), "$.id");
    HttpResponse<String> deals = get("/api/v1/workspaces/" + orgId + "/deals", token);
    assertThat(deals.statusCode()).as(deals.body()).isEqualTo(200);
    assertThat(deals.body()).contains(dealId);
  }

  @AfterAll
  void stop() {
    if (!env.isEmpty()) {
      Podman.Result down = compose(Duration.ofMinutes(2), "down", "-t", "30");
      System.out.println("compose: down exit " + down.exitCode());
    }
    for (Process process : started.reversed()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
  }

  private Podman.Result compose(Duration timeout, String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "docker-compose",
                "--env-file",
                NO_ENV_FILE,
                "-f",
                "docker-compose.yml",
                "-f",
                "deploy/compose/local.yml"));
    command.addAll(List.of(arguments));
    return Podman.run(timeout, env, command);
  }

  private static boolean allHealthy(String ps) {
    return Deployables.all().stream()
        .allMatch(
            app ->
                ps.matches("(?s).*" + PROJECT + "_" + app.name() + "_1 [^\\n]*Up \\(healthy\\).*"));
  }

  private String logs() {
    return compose(Duration.ofSeconds(60), "logs", "--tail", "30").out();
  }

  private String login(String email, String password) throws Exception {
    HttpResponse<String> login =
        post(
            "/api/v1/auth/login",
            null,
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(login.statusCode()).as("login of " + email + ": " + login.body()).isEqualTo(200);
    return JsonPath.read(login.body(), "$.access_token");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(GATEWAY + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String emptyEnvFile() {
    try {
      Path file = Files.createTempFile("dealflow-compose", ".env");
      file.toFile().deleteOnExit();
      return file.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean listening(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
