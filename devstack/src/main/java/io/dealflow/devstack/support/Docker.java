package io.dealflow.devstack.support;

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
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
