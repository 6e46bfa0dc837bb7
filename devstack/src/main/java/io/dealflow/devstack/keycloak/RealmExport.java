package io.dealflow.devstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code dealflow} realm as kept in the repository ({@code keycloak/dealflow-realm.json}). Its
 * secrets are {@code ${ENV_VAR}} placeholders that Keycloak fills from its environment while
 * importing.
 */
public final class RealmExport {

  public static final String RESOURCE = "/keycloak/dealflow-realm.json";
  public static final String FILE_NAME = "dealflow-realm.json";

  private RealmExport() {}

  public static byte[] bytes() {
    try (InputStream in = RealmExport.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the devstack jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
