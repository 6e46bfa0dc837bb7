package io.dealflow.deploy;

import io.dealflow.devstack.launch.ServiceDefinition;
import io.dealflow.devstack.launch.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The applications that must ship: every entry of the launcher's table whose module exists in this
 * tree. Adding a service to {@link Services#ALL} makes every deployment check ask for its pieces.
 */
public final class Deployables {

  private Deployables() {}

  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the Dealflow repository");
    }
    return dir;
  }

  public static List<ServiceDefinition> all() {
    Path root = repositoryRoot();
    return Services.ALL.stream()
        .filter(service -> Files.exists(service.moduleDir(root).resolve("pom.xml")))
        .toList();
  }
}
