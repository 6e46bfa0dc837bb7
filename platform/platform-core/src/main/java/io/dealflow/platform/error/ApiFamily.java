package io.dealflow.platform.error;

import java.util.Locale;

/**
 * The five product APIs the suite implements. Each route belongs to one family, and the family
 * fixes the wire format of its errors (and of its validation status code).
 */
public enum ApiFamily {
  HELLOSALES(400),
  TRAINER(422),
  SPOTLIGHT(422),
  VECTOROS(400),
  HELIOSCS(400);

  private final int validationStatus;

  ApiFamily(int validationStatus) {
    this.validationStatus = validationStatus;
  }

  /** The status a request with well-formed JSON but invalid fields answers with. */
  public int validationStatus() {
    return validationStatus;
  }

  /** The lower-case name used in configuration and logs, e.g. {@code spotlight}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ApiFamily fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
