package io.dealflow.deploy;

import static org.assertj.core.api.Assertions.fail;

import io.dealflow.devstack.launch.ServiceDefinition;
import io.dealflow.devstack.support.BuildInfo;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The applications' images, built once per test JVM with {@code deploy/images/build} (what
 * developers and CI use) from the jars of this build.
 */
public final class Images {

  private static final Set<String> BUILT = new HashSet<>();

  private Images() {}

  public static String of(ServiceDefinition app) {
    return "localhost/dealflow/" + app.module() + ":" + BuildInfo.projectVersion();
  }

  /** Builds every deployable's image unless this JVM built it already. */
  public static synchronized void buildAll() {
    Podman.requireReady();
    for (ServiceDefinition app : Deployables.all()) {
      if (BUILT.contains(app.module())) {
        continue;
      }
      Podman.Result built = Podman.run(Duration.ofMinutes(10), "deploy/images/build", app.module());
      if (!built.ok()) {
        fail("the image of " + app.name() + " did not build: " + built.describe());
      }
      System.out.print(built.out());
      BUILT.add(app.module());
    }
  }
}
