package io.dealflow.crm.deal;

import io.dealflow.platform.error.FieldViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a user or a sync says a deal should be. {@link #violations()} names what is wrong with it,
 * field by field, with the fields' API names.
 *
 * @param title what the deal is, for people
 * @param value its value, at least zero, with no more decimals than {@code currency} has
 * @param currency its ISO 4217 code, e.g. {@code USD}
 * @param stage where it is in the pipeline
 * @param probability its win probability in percent; null for the stage's default (or, when the
 *     stage does not change, the deal's current probability)
 * @param assignedTo the user who owns it, if any
 * @param contactName the person the deal is with, if known
 * @param companyName the company the deal is with, if known
 * @param expectedCloseDate when it is expected to close, if known
 */
public record DealDraft(
    String title,
    BigDecimal value,
    String currency,
    Stage stage,
    @Nullable Integer probability,
    @Nullable UUID assignedTo,
    @Nullable String contactName,
    @Nullable String companyName,
    @Nullable LocalDate expectedCloseDate) {

  static final int MAX_TEXT = 200;

  /** The same draft in another stage. */
  public DealDraft inStage(Stage other) {
    return new DealDraft(
        title,
        value,
        currency,
        other,
        probability,
        assignedTo,
        contactName,
        companyName,
        expectedCloseDate);
  }

  /** Digits before the decimal point that numeric(19,4) holds. */
  private static final int MAX_INTEGER_DIGITS = 15;

  public DealDraft {
    title = title.strip();
    currency = currency.strip().toUpperCase(Locale.ROOT);
    contactName = blankToNull(contactName);
    companyName = blankToNull(companyName);
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (title.isEmpty()) {
      violations.add(new FieldViolation("title", "blank", "Title can't be blank"));
    } else if (title.length() > MAX_TEXT) {
      violations.add(
          new FieldViolation(
              "title", "length", "Title is longer than " + MAX_TEXT + " characters"));
    }
    Currency known = currencyOf(currency);
    if (known == null) {
      violations.add(
          new FieldViolation(
              "currency", "invalid", "Currency must be an ISO 4217 code such as USD or EUR"));
    }
    if (value.signum() < 0) {
      violations.add(new FieldViolation("value", "range", "Value must be zero or more"));
    } else if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      violations.add(new FieldViolation("value", "range", "Value is too large"));
    } else if (known != null && value.stripTrailingZeros().scale() > fractionDigits(known)) {
      violations.add(
          new FieldViolation(
              "value",
              "invalid",
              "Value has more decimals than "
                  + known.getCurrencyCode()
                  + " allows ("
                  + fractionDigits(known)
                  + ")"));
    }
    if (probability != null && (probability < 0 || probability > 100)) {
      violations.add(
          new FieldViolation("probability", "range", "Probability must be between 0 and 100"));
    }
    text(violations, "contactName", "Contact name", contactName);
    text(violations, "companyName", "Company name", companyName);
    return violations;
  }

  /** The currency's minor-unit digits; four where ISO 4217 defines none (gold, test codes). */
  static int fractionDigits(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    return digits < 0 ? 4 : digits;
  }

  static @Nullable Currency currencyOf(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return null;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static void text(
      List<FieldViolation> violations, String field, String human, @Nullable String value) {
    if (value != null && value.length() > MAX_TEXT) {
      violations.add(
          new FieldViolation(
              field, "length", human + " is longer than " + MAX_TEXT + " characters"));
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
