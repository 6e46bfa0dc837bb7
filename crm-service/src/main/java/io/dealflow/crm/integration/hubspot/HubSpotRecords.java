package io.dealflow.crm.integration.hubspot;

import io.dealflow.crm.deal.DealDraft;
import io.dealflow.crm.deal.Stage;
import io.dealflow.crm.integration.LeadImport.ImportedLead;
import io.dealflow.crm.integration.Pulled;
import io.dealflow.platform.error.FieldViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot records as Dealflow leads and deals.
 *
 * <p>Deal stages: a deal HubSpot calls closed won ({@code hs_is_closed_won}) is won, another closed
 * one is lost. Open deals of HubSpot's default pipeline map by stage (appointment scheduled → lead,
 * qualified to buy → qualified, presentation scheduled → proposal, decision maker bought in and
 * contract sent → negotiation); stages of custom pipelines map by their probability (from 75 %
 * negotiation, from 50 % proposal, from 25 % qualified, else lead).
 */
final class HubSpotRecords {

  static final List<String> CONTACT_PROPERTIES =
      List.of(
          "firstname",
          "lastname",
          "email",
          "phone",
          "company",
          "jobtitle",
          "lifecyclestage",
          "hs_lead_status");

  static final List<String> DEAL_PROPERTIES =
      List.of(
          "dealname",
          "amount",
          "deal_currency_code",
          "dealstage",
          "pipeline",
          "closedate",
          "hs_is_closed",
          "hs_is_closed_won",
          "hs_deal_stage_probability");

  private static final Map<String, Stage> DEFAULT_PIPELINE =
      Map.of(
          "appointmentscheduled", Stage.LEAD,
          "qualifiedtobuy", Stage.QUALIFIED,
          "presentationscheduled", Stage.PROPOSAL,
          "decisionmakerboughtin", Stage.NEGOTIATION,
          "contractsent", Stage.NEGOTIATION,
          "closedwon", Stage.WON,
          "closedlost", Stage.LOST);

  private static final int MAX_TEXT = 200;

  private final String defaultCurrency;

  HubSpotRecords(String defaultCurrency) {
    this.defaultCurrency = defaultCurrency;
  }

  /** Whether the record has the id a second sync finds it again by (at most 100 characters). */
  static boolean hasId(JsonNode record) {
    JsonNode id = record.path("id");
    return (id.isString() || id.isNumber())
        && !id.asString().isBlank()
        && id.asString().length() <= 100;
  }

  Pulled.Lead lead(JsonNode contact) {
    String id = contact.path("id").asString();
    JsonNode properties = contact.path("properties");
    String first = text(properties, "firstname");
    String last = text(properties, "lastname");
    String email = text(properties, "email");
    String name =
        List.of(first == null ? "" : first, last == null ? "" : last).stream()
            .filter(part -> !part.isEmpty())
            .collect(Collectors.joining(" "));
    if (name.isEmpty()) {
      name = email != null ? email : "HubSpot contact " + id;
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String key : List.of("jobtitle", "lifecyclestage", "hs_lead_status")) {
      String value = text(properties, key);
      if (value != null) {
        metadata.put(key, value);
      }
    }
    return new Pulled.Lead(
        id,
        0,
        new ImportedLead(
            shorten(name),
            email,
            text(properties, "phone"),
            text(properties, "company"),
            metadata));
  }

  /**
   * The deal, or empty when HubSpot's data cannot be a Dealflow deal ({@link #skipped} says why).
   */
  Optional<Pulled.Deal> deal(JsonNode deal) {
    return draft(deal)
        .flatMap(
            draft ->
                draft.violations().isEmpty()
                    ? Optional.of(new Pulled.Deal(deal.path("id").asString(), 0, draft))
                    : Optional.empty());
  }

  Pulled.Skipped skipped(JsonNode deal) {
    String record = "deal " + deal.path("id").asString();
    return draft(deal)
        .map(
            draft ->
                new Pulled.Skipped(
                    record,
                    draft.violations().stream()
                        .map(FieldViolation::message)
                        .collect(Collectors.joining("; "))))
        .orElseGet(
            () ->
                new Pulled.Skipped(
                    record, "amount is not a number: " + text(deal.path("properties"), "amount")));
  }

  private Optional<DealDraft> draft(JsonNode deal) {
    String id = deal.path("id").asString();
    JsonNode properties = deal.path("properties");
    String title = text(properties, "dealname");
    String currency =
        Optional.ofNullable(text(properties, "deal_currency_code"))
            .map(code -> code.toUpperCase(Locale.ROOT))
            .orElse(defaultCurrency);
    BigDecimal value;
    String amount = text(properties, "amount");
    try {
      value = amount == null ? BigDecimal.ZERO : new BigDecimal(amount);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Integer probability = probability(properties);
    Stage stage = stage(properties, probability);
    return Optional.of(
        new DealDraft(
            shorten(title == null ? "HubSpot deal " + id : title),
            roundedFor(value, currency),
            currency,
            stage,
            stage.isClosed() ? null : probability,
            null,
            null,
            null,
            closeDate(text(properties, "closedate"))));
  }

  private static Stage stage(JsonNode properties, @Nullable Integer probability) {
    if ("true".equalsIgnoreCase(text(properties, "hs_is_closed_won"))) {
      return Stage.WON;
    }
    if ("true".equalsIgnoreCase(text(properties, "hs_is_closed"))) {
      return Stage.LOST;
    }
    String dealstage = text(properties, "dealstage");
    Stage known =
        dealstage == null ? null : DEFAULT_PIPELINE.get(dealstage.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    int percent = probability == null ? 0 : probability;
    if (percent >= 75) {
      return Stage.NEGOTIATION;
    }
    if (percent >= 50) {
      return Stage.PROPOSAL;
    }
    return percent >= 25 ? Stage.QUALIFIED : Stage.LEAD;
  }

  /** HubSpot keeps a stage's probability as a fraction, e.g. {@code 0.4}. */
  private static @Nullable Integer probability(JsonNode properties) {
    String raw = text(properties, "hs_deal_stage_probability");
    if (raw == null) {
      return null;
    }
    try {
      BigDecimal fraction = new BigDecimal(raw);
      int percent = fraction.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
      return Math.max(0, Math.min(100, percent));
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** HubSpot may keep more decimals than a currency has; the deal keeps the currency's. */
  private static BigDecimal roundedFor(BigDecimal value, String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits >= 0 && value.scale() > digits
          ? value.setScale(digits, RoundingMode.HALF_EVEN)
          : value;
    } catch (IllegalArgumentException unknown) {
      return value;
    }
  }

  /** HubSpot dates are instants ({@code 2025-03-01T00:00:00Z}) or, rarely, plain dates. */
  private static @Nullable LocalDate closeDate(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return Instant.parse(raw).atZone(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(raw.length() >= 10 ? raw.substring(0, 10) : raw);
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static String shorten(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }

  private static @Nullable String text(JsonNode properties, String name) {
    JsonNode value = properties.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    String text = value.asString().strip();
    return text.isEmpty() ? null : text;
  }
}
