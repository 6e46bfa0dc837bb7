package io.dealflow.devstack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions written into the jar by the build, so that the Keycloak version lives in the parent POM
 * only.
 */
public final class BuildInfo {

  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  public static String keycloakVersion() {
    return PROPERTIES.getProperty("keycloak.version");
  }

  public static String projectVersion() {
    return PROPERTIES.getProperty("project.version");
  }

  private static Properties load() {
    try (InputStream in =
        BuildInfo.class.getResourceAsStream("/io/dealflow/devstack/build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties missing from the devstack jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
