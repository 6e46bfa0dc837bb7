package io.dealflow.realtime.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How a partner checks a Dealflow webhook (shown in docs/webhooks.md). */
public final class PartnerVerifier {

  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final byte[] secret;

  public PartnerVerifier(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param signatureHeader the X-Signature header, one or more "sha256=<hex>" separated by spaces
   * @param timestampHeader the X-Timestamp header (unix seconds)
   * @param rawBody the request body exactly as received, before any JSON parsing
   */
  public boolean verify(String signatureHeader, String timestampHeader, byte[] rawBody)
      throws Exception {
    long timestamp = Long.parseLong(timestampHeader);
    if (Instant.ofEpochSecond(timestamp).isBefore(Instant.now().minus(TOLERANCE))) {
      return false; // too old: possibly a replayed request
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    mac.update((timestampHeader + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = mac.doFinal(rawBody);
    for (String candidate : signatureHeader.split(" ")) {
      if (candidate.startsWith("sha256=")) {
        byte[] given = HexFormat.of().parseHex(candidate.substring("sha256=".length()));
        if (MessageDigest.isEqual(expected, given)) { // constant-time comparison
          return true;
        }
      }
    }
    return false;
  }
}
