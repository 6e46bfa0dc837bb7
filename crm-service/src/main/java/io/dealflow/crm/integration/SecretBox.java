package io.dealflow.crm.integration;

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
import org.springframework.stereotype.Component;

/**
 * Encrypts integration credentials at rest with AES-256-GCM. Each secret is bound to its
 * integration (the integration id is the additional authenticated data), so a ciphertext copied to
 * another row does not decrypt. Stored form: {@code v1:<Base64 of nonce ‖ ciphertext ‖ tag>}.
 *
 * <p>The service refuses to start without a key: a missing key would otherwise surface only when
 * someone connects an integration, or leave tokens readable.
 */
@Component
class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(IntegrationsProperties properties) {
    this.key = key(properties.encryptionKey());
  }

  String seal(UUID integrationId, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(integrationId));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] stored =
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * @throws IllegalStateException when the secret was sealed with another key or for another
   *     integration, or was altered
   */
  String open(UUID integrationId, String stored) {
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalStateException("The stored credential is not in a known format");
    }
    byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(aad(integrationId));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The stored credential cannot be decrypted with the configured key", e);
    }
  }

  private static byte[] aad(UUID integrationId) {
    return integrationId.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static SecretKey key(@Nullable String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException(
          "dealflow.crm.integrations.encryption-key (environment variable"
              + " DEALFLOW_CRM_INTEGRATIONS_ENCRYPTION_KEY) is not set: integration credentials are"
              + " encrypted with it. Generate one with: openssl rand -base64 32");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "dealflow.crm.integrations.encryption-key is not Base64 (openssl rand -base64 32)");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "dealflow.crm.integrations.encryption-key must be 32 bytes (AES-256), not "
              + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
