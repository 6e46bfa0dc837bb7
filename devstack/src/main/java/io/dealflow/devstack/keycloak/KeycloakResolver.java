package io.dealflow.devstack.keycloak;

import io.dealflow.devstack.DevstackException;
import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Source;
import io.dealflow.devstack.support.BuildInfo;
import io.dealflow.devstack.support.Docker;
import io.dealflow.devstack.support.Settings;
import io.dealflow.devstack.support.Shutdown;
import io.dealflow.devstack.support.StateLock;
import io.dealflow.devstack.support.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Resolves a Keycloak serving the {@code dealflow} realm: configured URL, one already on port 8180
 * ({@code DEALFLOW_KEYCLOAK_PORT}; typically started by {@code ./run} in another terminal), a
 * container, else the distribution from Maven Central as a child process on that port.
 */
public final class KeycloakResolver {

  public static final String URL = "DEALFLOW_KEYCLOAK_URL";
  public static final String REALM = "DEALFLOW_KEYCLOAK_REALM";
  public static final String PORT = "DEALFLOW_KEYCLOAK_PORT";
  public static final int DEFAULT_PORT = 8180;

  private static final Logger log = LoggerFactory.getLogger(KeycloakResolver.class);

  private KeycloakResolver() {}

  public static Keycloak resolve(Settings settings, Path stateDir) {
    String realm = settings.get(REALM, Keycloak.REALM);
    int port = localPort(settings);
    KeycloakSecrets secrets;
    try (StateLock lock = StateLock.acquire(stateDir.resolve("keycloak.lock"))) {
      secrets = KeycloakSecrets.loadOrCreate(stateDir).withOverrides(settings);
    }
    Path secretsFile = stateDir.resolve(KeycloakSecrets.FILE_NAME);

    Optional<String> configured = settings.get(URL).map(KeycloakResolver::withoutTrailingSlash);
    if (configured.isPresent()) {
      WellKnown wellKnown =
          WellKnown.fetch(configured.get(), realm, Duration.ofSeconds(10))
              .orElseThrow(
                  () ->
                      new DevstackException(
                          "Keycloak: %s=%s is set, but %s/realms/%s/.well-known/openid-configuration did not answer 200"
                              .formatted(URL, configured.get(), configured.get(), realm)));
      if (settings.get(KeycloakSecrets.CLIENT_SECRET).isEmpty()) {
        log.warn(
            "Keycloak: {} is not set; using the client secret from {}, which only a Keycloak"
                + " devstack started knows",
            KeycloakSecrets.CLIENT_SECRET,
            secretsFile);
      }
      log.info("Keycloak: {} realm {} (CONFIGURED via {})", configured.get(), realm, URL);
      return wellKnown.toKeycloak(configured.get(), realm, secrets, Source.CONFIGURED);
    }

    Optional<Keycloak> local = local(port, realm, secrets);
    if (local.isPresent()) {
      return local.get();
    }

    // Under the lock: another JVM may be starting Keycloak right now; when it is done, the
    // re-check below finds it instead of colliding with it on the same port.
    try (StateLock lock = StateLock.acquire(stateDir.resolve("keycloak.lock"))) {
      local = local(port, realm, secrets);
      if (local.isPresent()) {
        return local.get();
      }
      if (Docker.available(settings)) {
        return container(realm, secrets);
      }
      WellKnown wellKnown =
          EmbeddedKeycloak.start(
              settings, stateDir, Workspace.logsDir(settings), port, realm, secrets);
      return wellKnown.toKeycloak(localBaseUrl(port), realm, secrets, Source.EMBEDDED);
    }
  }

  /** The port a local Keycloak is looked for on, and an embedded one started on. */
  public static int localPort(Settings settings) {
    String value = settings.get(PORT, String.valueOf(DEFAULT_PORT));
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new DevstackException(
          "Keycloak: %s must be a port number, not %s".formatted(PORT, value));
    }
  }

  public static String localBaseUrl(int port) {
    return "http://localhost:" + port;
  }

  private static Optional<Keycloak> local(int port, String realm, KeycloakSecrets secrets) {
    String baseUrl = localBaseUrl(port);
    return WellKnown.fetch(baseUrl, realm, Duration.ofSeconds(3))
        .map(
            wellKnown -> {
              log.info("Keycloak: already running on {} with realm {} (LOCAL)", baseUrl, realm);
              return wellKnown.toKeycloak(baseUrl, realm, secrets, Source.LOCAL);
            });
  }

  private static Keycloak container(String realm, KeycloakSecrets secrets) {
    String image = "quay.io/keycloak/keycloak:" + BuildInfo.keycloakVersion();
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(image))
            .withExposedPorts(8080)
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", secrets.adminUsername())
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.adminPassword())
            .withEnv(KeycloakSecrets.CLIENT_SECRET, secrets.identityClientSecret())
            .withEnv(KeycloakSecrets.DEMO_PASSWORD, secrets.demoPassword())
            .withEnv(KeycloakSecrets.OPS_CLIENT_SECRET, secrets.opsClientSecret())
            .withCopyToContainer(
                Transferable.of(RealmExport.bytes()),
                "/opt/keycloak/data/import/" + RealmExport.FILE_NAME)
            .withCommand("start-dev", "--import-realm")
            .waitingFor(
                Wait.forHttp("/realms/" + realm + "/.well-known/openid-configuration")
                    .forPort(8080)
                    .withStartupTimeout(Duration.ofMinutes(5)));
    container.start();
    Shutdown.register("Keycloak container", container::stop);
    String baseUrl = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
    WellKnown wellKnown =
        WellKnown.fetch(baseUrl, realm, Duration.ofSeconds(10))
            .orElseThrow(
                () ->
                    new DevstackException(
                        "Keycloak: the container at " + baseUrl + " lost its realm"));
    log.info("Keycloak: container {} on {} (CONTAINER)", image, baseUrl);
    return wellKnown.toKeycloak(baseUrl, realm, secrets, Source.CONTAINER);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
