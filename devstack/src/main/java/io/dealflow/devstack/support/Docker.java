package io.dealflow.devstack.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Whether Testcontainers can reach a Docker engine. Asked only after the cheaper sources failed,
 * and once per JVM: finding out takes 1–2 s when there is none. {@code
 * DEALFLOW_TESTCONTAINERS=false} skips containers altogether.
 */
public final class Docker {

  public static final String TESTCONTAINERS = "DEALFLOW_TESTCONTAINERS";

  private static final Once<Boolean> AVAILABLE = new Once<>(Docker::probe);

  private Docker() {}

  public static boolean available(Settings settings) {
    return settings.flag(TESTCONTAINERS, true) && AVAILABLE.get();
  }

  private static Boolean probe() {
    if (!engineMayExist()) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Without a socket, a {@code DOCKER_HOST} or a Testcontainers configuration there is nothing to
   * find; skipping the probe then spares the start-up time and Testcontainers' error log.
   */
  private static boolean engineMayExist() {
    String home = System.getProperty("user.home");
    return System.getenv("DOCKER_HOST") != null
        || Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
        || Files.exists(Path.of(home, ".testcontainers.properties"));
  }
}
