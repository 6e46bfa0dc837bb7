package io.dealflow.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dealflow.deploy.Deployables;
import io.dealflow.deploy.Images;
import io.dealflow.deploy.Podman;
import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Postgres;
import io.dealflow.devstack.Redis;
import io.dealflow.devstack.launch.ServiceDefinition;
import io.dealflow.devstack.launch.ServiceDefinition.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Builds every application's image with {@code deploy/images/build} from the jars this build made,
 * runs each on the host network against this machine's PostgreSQL and Redis and devstack's Kafka
 * and Keycloak (production profile: no dev defaults), and checks what an operator relies on: the
 * readiness probe, the image's own health check, the AOT cache in use, a non-root user without a
 * shell, and a clean stop on SIGTERM within the grace period — realtime-service closing its sockets
 * with 1001 first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagesIT {

  private static final Duration READY_WITHIN = Duration.ofSeconds(180);
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final String PREFIX = "dealflow-images-it-";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, Ports> ports = new LinkedHashMap<>();
  private List<ServiceDefinition> apps = List.of();
  private Keycloak keycloak;

  private record Ports(int api, int management) {}

  @BeforeAll
  void buildAndStart() {
    Podman.requireReady();
    apps = Deployables.all();
    removeContainers();
    for (ServiceDefinition app : apps) {
      Podman.Result built = Podman.run(Duration.ofMinutes(10), "deploy/images/build", app.module());
      if (!built.ok()) {
        fail("the image of " + app.name() + " did not build: " + built.describe());
      }
      System.out.print(built.out());
    }
    Postgres postgres = Devstack.postgres();
    Redis redis = Devstack.redis();
    keycloak = Devstack.keycloak();
    String kafka = Devstack.kafka().bootstrapServers();
    for (ServiceDefinition app : apps) {
      ports.put(app.name(), new Ports(freePort(), freePort()));
    }
    String webhooksKey = randomKey();
    String integrationsKey = randomKey();
    for (ServiceDefinition app : apps) {
      Ports own = ports.get(app.name());
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SERVER_PORT", String.valueOf(own.api()));
      env.put("MANAGEMENT_SERVER_PORT", String.valueOf(own.management()));
      env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
      env.put("SPRING_DATA_REDIS_HOST", redis.host());
      env.put("SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()));
      env.put("DEALFLOW_SECURITY_ISSUER_URI", keycloak.issuerUri());
      env.put("DEALFLOW_SECURITY_JWK_SET_URI", keycloak.jwkSetUri());
      env.put("DEALFLOW_SECURITY_AUDIENCE", Keycloak.API_AUDIENCE);
      env.put("DEALFLOW_REALTIME_WEBHOOKS_ENCRYPTION_KEY", webhooksKey);
      env.put("DEALFLOW_CRM_INTEGRATIONS_ENCRYPTION_KEY", integrationsKey);
      if (app.database() != null) {
        postgres.createDatabaseIfMissing(app.database());
        env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(app.database()));
        env.put("SPRING_DATASOURCE_USERNAME", postgres.username());
        env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
      }
      if (app.role() == Role.IDENTITY) {
        env.put("DEALFLOW_KEYCLOAK_URL", keycloak.baseUrl());
        env.put("DEALFLOW_KEYCLOAK_REALM", keycloak.realm());
        env.put("DEALFLOW_KEYCLOAK_CLIENT_ID", keycloak.identityClientId());
        env.put("DEALFLOW_KEYCLOAK_CLIENT_SECRET", keycloak.identityClientSecret());
        env.put("DEALFLOW_IDENTITY_DEMO_ENABLED", "true");
      }
      for (ServiceDefinition other : apps) {
        if (other.equals(app)) {
          continue;
        }
        Ports theirs = ports.get(other.name());
        if (app.role() == Role.GATEWAY) {
          env.put(other.gatewayUriVariable(), "http://127.0.0.1:" + theirs.api());
          env.put(other.gatewayManagementUriVariable(), "http://127.0.0.1:" + theirs.management());
        } else if (other.role() != Role.GATEWAY) {
          env.put(other.serviceUriVariable(), "http://127.0.0.1:" + theirs.api());
        }
      }
      List<String> command =
          new ArrayList<>(
              List.of("podman", "run", "-d", "--name", container(app), "--network=host"));
      env.forEach((name, value) -> command.add("--env=" + name + "=" + value));
      command.add(image(app));
      Podman.Result started = Podman.run(Duration.ofMinutes(1), Map.of(), command);
      if (!started.ok()) {
        fail(app.name() + " did not start: " + started.describe());
      }
    }
  }

  @AfterAll
  void removeContainers() {
    for (ServiceDefinition app : apps) {
      Podman.run(Duration.ofMinutes(1), "podman", "rm", "-f", "-t", "0", container(app));
    }
  }

  @Test
  @Order(1)
  void everyImageAnswersItsReadinessProbe() {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    for (ServiceDefinition app : apps) {
      URI readiness = managementUri(app, "/actuator/health/readiness");
      while (status(readiness) != 200) {
        if (!running(app)) {
          fail(app.name() + "'s container stopped before it was ready:\n" + logs(app));
        }
        if (System.nanoTime() > deadline) {
          fail(app.name() + " was not ready within " + READY_WITHIN + ":\n" + logs(app));
        }
        sleep(Duration.ofMillis(500));
      }
    }
  }

  @Test
  @Order(2)
  void everyImagesHealthCheckPassesWithoutCurl() {
    for (ServiceDefinition app : apps) {
      Podman.Result health =
          Podman.run(Duration.ofSeconds(30), "podman", "healthcheck", "run", container(app));
      assertThat(health.exitCode())
          .as(app.name() + "'s health check: " + health.describe())
          .isZero();
      assertThat(
              Podman.check(
                  Duration.ofSeconds(30),
                  "podman",
                  "inspect",
                  "--format",
                  "{{.State.Health.Status}}",
                  container(app)))
          .as(app.name())
          .isEqualTo("healthy");
      for (String tool : List.of("/bin/sh", "/usr/bin/curl", "/usr/bin/wget")) {
        assertThat(
                Podman.run(Duration.ofSeconds(30), "podman", "exec", container(app), tool, "--help")
                    .ok())
            .as(app.name() + "'s image has " + tool)
            .isFalse();
      }
    }
  }

  @Test
  @Order(3)
  void everyImageRunsAsANumericNonRootUserWithItsAotCacheAndJsonLogs() {
    for (ServiceDefinition app : apps) {
      String user =
          Podman.check(
              Duration.ofSeconds(30),
              "podman",
              "image",
              "inspect",
              "--format",
              "{{.Config.User}}",
              image(app));
      assertThat(user).as(app.name()).matches("[1-9][0-9]*:[1-9][0-9]*");
      String logs = logs(app);
      assertThat(logs).as(app.name() + " could not use its AOT cache").doesNotContain("[aot]");
      assertThat(logs).as(app.name() + " logs ECS JSON").contains("\"ecs\":{\"version\"");
      Matcher started = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(logs);
      assertThat(started.find()).as(app.name() + " logged its start").isTrue();
      System.out.println("images: " + app.name() + " started in " + started.group(1) + " s");
    }
  }

  @Test
  @Order(4)
  void realtimeClosesItsSocketsWith1001OnSigterm() throws Exception {
    ServiceDefinition realtime = app("realtime");
    String token = demoRepToken();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    CompletableFuture<Void> greeted = new CompletableFuture<>();
    http.newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .buildAsync(
            URI.create("ws://127.0.0.1:" + ports.get("realtime").api() + "/ws/events"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                greeted.complete(null);
                socket.request(1);
                return null;
              }

              @Override
              public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                closed.complete(status);
                return null;
              }

              @Override
              public void onError(WebSocket socket, Throwable error) {
                closed.completeExceptionally(error);
              }
            })
        .get(10, TimeUnit.SECONDS);
    greeted.get(10, TimeUnit.SECONDS);
    long stopped = stop(realtime);
    assertThat(closed.get(5, TimeUnit.SECONDS)).as("close status on SIGTERM").isEqualTo(1001);
    System.out.println("images: realtime stopped in " + stopped + " ms with its socket open");
  }

  @Test
  @Order(5)
  void everyServiceStopsCleanlyOnSigtermWithinTheGracePeriod() {
    for (ServiceDefinition app : apps) {
      if (running(app)) {
        long millis = stop(app);
        System.out.println("images: " + app.name() + " stopped in " + millis + " ms");
      }
      String exitCode =
          Podman.check(
              Duration.ofSeconds(30),
              "podman",
              "inspect",
              "--format",
              "{{.State.ExitCode}}",
              container(app));
      assertThat(exitCode)
          .as(app.name() + " exit status after SIGTERM (143 = 128 + SIGTERM, handled)")
          .isEqualTo("143");
      assertThat(logs(app)).as(app.name()).contains("Graceful shutdown complete");
    }
  }

  /** Sends SIGTERM and waits for the exit; podman would kill after the grace period. */
  private long stop(ServiceDefinition app) {
    long start = System.nanoTime();
    Podman.check(
        GRACE.plusSeconds(30),
        "podman",
        "stop",
        "-t",
        String.valueOf(GRACE.toSeconds()),
        container(app));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as(app.name() + " stop time").isLessThan(GRACE.toMillis());
    return millis;
  }

  private String demoRepToken() throws Exception {
    String body =
        "{\"email\":\""
            + Keycloak.DEMO_REP_EMAIL
            + "\",\"password\":\""
            + keycloak.demoPassword()
            + "\"}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + ports.get("identity").api() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("demo login: " + response.body()).isEqualTo(200);
    Matcher token =
        Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    assertThat(token.find()).as(response.body()).isTrue();
    return token.group(1);
  }

  private ServiceDefinition app(String name) {
    return apps.stream().filter(app -> app.name().equals(name)).findFirst().orElseThrow();
  }

  private URI managementUri(ServiceDefinition app, String path) {
    return URI.create("http://127.0.0.1:" + ports.get(app.name()).management() + path);
  }

  private int status(URI uri) {
    try {
      return http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean running(ServiceDefinition app) {
    return Podman.run(
            Duration.ofSeconds(30),
            "podman",
            "inspect",
            "--format",
            "{{.State.Running}}",
            container(app))
        .out()
        .strip()
        .equals("true");
  }

  private static String logs(ServiceDefinition app) {
    Podman.Result logs = Podman.run(Duration.ofSeconds(30), "podman", "logs", container(app));
    return logs.out() + logs.err();
  }

  static String container(ServiceDefinition app) {
    return PREFIX + app.name();
  }

  static String image(ServiceDefinition app) {
    return Images.of(app);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
