package io.dealflow.platform.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts secrets that a service must read back (an integration's access token, a webhook's
 * signing secret) with AES-256-GCM before they are stored. Each secret is bound to the row that
 * owns it (the owner's id is the additional authenticated data), so a ciphertext copied to another
 * row does not decrypt. Stored form: {@code v1:<Base64 of nonce ‖ ciphertext ‖ tag>}.
 *
 * <p>Each service has its own key, from its own setting and environment variable (never from the
 * repository); {@link #fromKey} refuses to build without one, because a missing key would otherwise
 * surface only when the first secret is stored, or leave secrets readable.
 */
public final class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  private SecretBox(SecretKey key) {
    this.key = key;
  }

  /**
   * The box for a service's key.
   *
   * @param base64 the key: Base64 of 32 random bytes ({@code openssl rand -base64 32})
   * @param setting the property that holds the key, named in the refusal
   * @param environmentVariable the environment variable that sets it, named in the refusal
   * @throws IllegalStateException when the key is missing, not Base64 or not 32 bytes
   */
  public static SecretBox fromKey(
      @Nullable String base64, String setting, String environmentVariable) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException(
          setting
              + " (environment variable "
              + environmentVariable
              + ") is not set: secrets are encrypted at rest with it. Generate one with: openssl"
              + " rand -base64 32");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not Base64 (openssl rand -base64 32)");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(setting + " must be 32 bytes (AES-256), not " + bytes.length);
    }
    return new SecretBox(new SecretKeySpec(bytes, "AES"));
  }

  /** Whether a stored value is a sealed secret rather than one stored as issued. */
  public static boolean isSealed(String stored) {
    return stored.startsWith(PREFIX);
  }

  /** The secret, encrypted and bound to {@code owner} (the id of the row that stores it). */
  public String seal(UUID owner, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(owner));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] stored =
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The secret that {@link #seal} stored for {@code owner}.
   *
   * @throws IllegalStateException when the value is not sealed, was sealed with another key or for
   *     another owner, or was altered
   */
  public String open(UUID owner, String stored) {
    if (!isSealed(stored)) {
      throw new IllegalStateException("The stored secret is not in a known format");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The stored secret is not in a known format", e);
    }
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("The stored secret is not in a known format");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(aad(owner));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The stored secret cannot be decrypted with the configured key", e);
    }
  }

  private static byte[] aad(UUID owner) {
    return owner.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
