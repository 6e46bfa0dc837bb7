package io.dealflow.support.redaction;

/**
 * The kind of personal data a {@link Redaction} masked, with its name on the wire (HeliosCS's
 * {@code Redaction.type}).
 *
 * <ul>
 *   <li>{@link #SSN} ({@code ssn}): a US social security number;
 *   <li>{@link #ACCOUNT_NUMBER} ({@code account_number}): a payment card number, an IBAN or a bank
 *       account or routing number (the wire format has no separate card type);
 *   <li>{@link #EMAIL} ({@code email}): an e-mail address;
 *   <li>{@link #PHONE} ({@code phone}): a phone number, US or international.
 * </ul>
 */
public enum RedactionType {
  SSN("ssn"),
  ACCOUNT_NUMBER("account_number"),
  EMAIL("email"),
  PHONE("phone");

  private final String wireName;

  RedactionType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The type's name in HeliosCS's JSON: {@code ssn}, {@code account_number}, {@code email}, {@code
   * phone}.
   */
  public String wireName() {
    return wireName;
  }
}
