package io.dealflow.crm.deal.web;

import io.dealflow.crm.deal.DealDraft;
import io.dealflow.crm.deal.Stage;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH body read field by field, because a field that is absent (leave it) differs from one that
 * is null (clear it). Title, value, currency and stage cannot be cleared. {@code version}, when
 * given, is the version the client last saw.
 */
final class DealPatch {

  private final JsonNode body;
  private final List<FieldViolation> violations = new ArrayList<>();
  private @Nullable String title;
  private @Nullable BigDecimal value;
  private @Nullable String currency;
  private @Nullable Stage stage;
  private @Nullable Integer probability;
  private @Nullable UUID assignedTo;
  private @Nullable String contactName;
  private @Nullable String companyName;
  private @Nullable LocalDate expectedCloseDate;
  private @Nullable Long version;

  private DealPatch(JsonNode body) {
    this.body = body;
  }

  /**
   * Reads the body.
   *
   * @throws ApiException listing every field that is not of its type, or null where it cannot be
   */
  static DealPatch of(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.badRequest("The request body must be a JSON object");
    }
    DealPatch patch = new DealPatch(body);
    patch.read();
    if (!patch.violations.isEmpty()) {
      throw new ApiException(ApiError.validation(patch.violations));
    }
    return patch;
  }

  @Nullable Long version() {
    return version;
  }

  /**
   * The draft with the patch's fields in place of the deal's. Without a probability the deal keeps
   * its own (or takes the new stage's default); a probability cleared with null takes the stage's
   * default.
   */
  DealDraft applyTo(DealDraft deal) {
    Stage next = has("stage") ? nonNull(stage) : deal.stage();
    Integer chance = probability;
    if (has("probability") && probability == null) {
      chance = next.defaultProbability();
    }
    return new DealDraft(
        has("title") ? nonNull(title) : deal.title(),
        has("value") ? nonNull(value) : deal.value(),
        has("currency") ? nonNull(currency) : deal.currency(),
        next,
        chance,
        has("assignedTo") ? assignedTo : deal.assignedTo(),
        has("contactName") ? contactName : deal.contactName(),
        has("companyName") ? companyName : deal.companyName(),
        has("expectedCloseDate") ? expectedCloseDate : deal.expectedCloseDate());
  }

  private void read() {
    title = requiredText("title", "Title");
    currency = requiredText("currency", "Currency");
    if (has("value")) {
      JsonNode node = body.get("value");
      if (node.isNumber()) {
        value = node.decimalValue();
      } else {
        violations.add(new FieldViolation("value", "invalid", "Value must be a number"));
      }
    }
    String stageId = requiredText("stage", "Stage");
    if (stageId != null) {
      stage = Stage.fromId(stageId).orElse(null);
      if (stage == null) {
        violations.add(unknownStage());
      }
    }
    if (has("probability") && !body.get("probability").isNull()) {
      JsonNode node = body.get("probability");
      if (node.isIntegralNumber() && node.canConvertToInt()) {
        probability = node.intValue();
      } else {
        violations.add(
            new FieldViolation("probability", "invalid", "Probability must be a whole number"));
      }
    }
    String assignee = optionalText("assignedTo", "Assigned to");
    if (assignee != null) {
      try {
        assignedTo = UUID.fromString(assignee);
      } catch (IllegalArgumentException e) {
        violations.add(
            new FieldViolation("assignedTo", "invalid", "Assigned to must be a user id"));
      }
    }
    contactName = optionalText("contactName", "Contact name");
    companyName = optionalText("companyName", "Company name");
    String date = optionalText("expectedCloseDate", "Expected close date");
    if (date != null) {
      try {
        expectedCloseDate = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        violations.add(
            new FieldViolation(
                "expectedCloseDate", "invalid", "Expected close date must be a date (YYYY-MM-DD)"));
      }
    }
    if (has("version") && !body.get("version").isNull()) {
      JsonNode node = body.get("version");
      if (node.isIntegralNumber() && node.canConvertToLong()) {
        version = node.longValue();
      } else {
        violations.add(new FieldViolation("version", "invalid", "Version must be a whole number"));
      }
    }
  }

  static FieldViolation unknownStage() {
    return new FieldViolation("stage", "invalid", "Stage must be one of " + Stage.NAMES);
  }

  private boolean has(String field) {
    return body.has(field);
  }

  private @Nullable String requiredText(String field, String human) {
    if (!has(field)) {
      return null;
    }
    JsonNode node = body.get(field);
    if (node.isNull()) {
      violations.add(new FieldViolation(field, "required", human + " can't be null"));
      return null;
    }
    if (!node.isString()) {
      violations.add(new FieldViolation(field, "invalid", human + " must be a string"));
      return null;
    }
    return node.asString();
  }

  private @Nullable String optionalText(String field, String human) {
    if (!has(field) || body.get(field).isNull()) {
      return null;
    }
    JsonNode node = body.get(field);
    if (!node.isString()) {
      violations.add(new FieldViolation(field, "invalid", human + " must be a string"));
      return null;
    }
    return node.asString();
  }

  /** Only called for fields that were read without a violation, so never with null. */
  private static <T> T nonNull(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("A required field was not read");
    }
    return value;
  }
}
