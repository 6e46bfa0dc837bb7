package io.dealflow.devstack.keycloak;

import io.dealflow.devstack.support.Settings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The secrets of a local Keycloak: its bootstrap admin, the {@code dealflow-identity} and {@code
 * dealflow-ops} client secrets and the demo users' password. Generated once into {@code
 * <stateDir>/secrets.properties} (mode 0600) so that nothing secret lives in the repository; {@code
 * DEALFLOW_KEYCLOAK_*} and {@code DEALFLOW_DEMO_PASSWORD} override them, which is how a Keycloak
 * devstack did not start gets its real values.
 */
public record KeycloakSecrets(
    String adminUsername,
    String adminPassword,
    String identityClientSecret,
    String opsClientSecret,
    String demoPassword) {

  public static final String FILE_NAME = "secrets.properties";

  public static final String ADMIN_USERNAME = "DEALFLOW_KEYCLOAK_ADMIN_USERNAME";
  public static final String ADMIN_PASSWORD = "DEALFLOW_KEYCLOAK_ADMIN_PASSWORD";
  public static final String CLIENT_SECRET = "DEALFLOW_KEYCLOAK_CLIENT_SECRET";
  public static final String DEMO_PASSWORD = "DEALFLOW_DEMO_PASSWORD";
  public static final String OPS_CLIENT_SECRET = "DEALFLOW_OPS_CLIENT_SECRET";

  static final String KEY_ADMIN_USERNAME = "keycloak.admin.username";
  static final String KEY_ADMIN_PASSWORD = "keycloak.admin.password";
  static final String KEY_CLIENT_SECRET = "keycloak.identity-client.secret";
  static final String KEY_DEMO_PASSWORD = "demo.password";
  static final String KEY_OPS_CLIENT_SECRET = "keycloak.ops-client.secret";

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Reads the secrets file, generating it (or the values it lacks) first. Call under the state
   * lock.
   */
  public static KeycloakSecrets loadOrCreate(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    Properties stored = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    boolean changed = false;
    changed |= putIfAbsent(stored, KEY_ADMIN_USERNAME, "admin");
    changed |= putIfAbsent(stored, KEY_ADMIN_PASSWORD, random(24));
    changed |= putIfAbsent(stored, KEY_CLIENT_SECRET, random(40));
    changed |= putIfAbsent(stored, KEY_DEMO_PASSWORD, random(16));
    changed |= putIfAbsent(stored, KEY_OPS_CLIENT_SECRET, random(40));
    if (changed) {
      write(file, stored);
    }
    return new KeycloakSecrets(
        stored.getProperty(KEY_ADMIN_USERNAME),
        stored.getProperty(KEY_ADMIN_PASSWORD),
        stored.getProperty(KEY_CLIENT_SECRET),
        stored.getProperty(KEY_OPS_CLIENT_SECRET),
        stored.getProperty(KEY_DEMO_PASSWORD));
  }

  public KeycloakSecrets withOverrides(Settings settings) {
    return new KeycloakSecrets(
        settings.get(ADMIN_USERNAME, adminUsername),
        settings.get(ADMIN_PASSWORD, adminPassword),
        settings.get(CLIENT_SECRET, identityClientSecret),
        settings.get(OPS_CLIENT_SECRET, opsClientSecret),
        settings.get(DEMO_PASSWORD, demoPassword));
  }

  /**
   * A digest of the values Keycloak consumes only on its first start (bootstrap admin, realm
   * import); when it changes, the stored data holds stale secrets and must be created again.
   */
  public String importFingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String consumed =
          String.join(
              "\n",
              adminUsername,
              adminPassword,
              identityClientSecret,
              opsClientSecret,
              demoPassword);
      digest.update(consumed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "KeycloakSecrets[admin " + adminUsername + ", values hidden]";
  }

  private static boolean putIfAbsent(Properties properties, String key, String value) {
    String current = properties.getProperty(key);
    if (current != null && !current.isBlank()) {
      return false;
    }
    properties.setProperty(key, value);
    return true;
  }

  static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  private static void write(Path file, Properties properties) {
    try {
      Path temp = Files.createTempFile(file.getParent(), ".secrets", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        properties.store(
            out,
            " Dealflow devstack secrets: generated on first use, never committed (.devstack is"
                + " git-ignored).\n Delete this file and run ./run --reset to get new ones.");
      }
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
