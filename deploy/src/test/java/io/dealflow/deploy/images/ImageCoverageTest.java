package io.dealflow.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.deploy.Deployables;
import io.dealflow.devstack.launch.ServiceDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every application of the launcher's table gets an image from the one shared Containerfile, built
 * from its module's jar: what each needs is that the reactor builds its jar before the image tests.
 */
class ImageCoverageTest {

  private final Path root = Deployables.repositoryRoot();

  @Test
  void deployBuildsAfterEveryApplicationItPackages() throws Exception {
    String pom = Files.readString(root.resolve("deploy/pom.xml"));
    for (ServiceDefinition app : Deployables.all()) {
      assertThat(pom)
          .as(
              "%s has no image: deploy/pom.xml must depend on module %s (type pom, as the others)"
                  + " so that its jar exists when the images are built",
              app.name(), app.module())
          .contains("<artifactId>" + app.module() + "</artifactId>");
    }
  }

  @Test
  void theImageBuildReadsTheLauncherTable() throws Exception {
    String build = Files.readString(root.resolve("deploy/images/build"));
    assertThat(build).contains("devstack/src/main/java/io/dealflow/devstack/launch/Services.java");
    String services =
        Files.readString(
            root.resolve("devstack/src/main/java/io/dealflow/devstack/launch/Services.java"));
    for (ServiceDefinition app : Deployables.all()) {
      assertThat(services)
          .as("%s: deploy/images/build finds its module and port in this form", app.name())
          .contains(
              "new ServiceDefinition(\""
                  + app.name()
                  + "\", \""
                  + app.module()
                  + "\", "
                  + app.port());
    }
  }
}
