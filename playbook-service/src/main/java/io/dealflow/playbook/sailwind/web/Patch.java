package io.dealflow.playbook.sailwind.web;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH body read field by field, because a field that is absent (leave it) differs from one that
 * is null (clear it). Readers note what is wrong; {@link #validate()} reports all of it at once.
 */
final class Patch {

  static final int MAX_NAME = 200;

  private final JsonNode body;
  private final List<FieldViolation> violations = new ArrayList<>();

  private Patch(JsonNode body) {
    this.body = body;
  }

  static Patch of(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.badRequest("The request body must be a JSON object");
    }
    return new Patch(body);
  }

  boolean has(String field) {
    return body.has(field);
  }

  /** A text that cannot be cleared: null when absent (or invalid). */
  @Nullable String requiredText(String field, int maxLength) {
    if (!has(field)) {
      return null;
    }
    JsonNode node = body.get(field);
    if (!node.isString() || node.asString().isBlank()) {
      violations.add(new FieldViolation(field, "blank", field + " must be a non-blank string"));
      return null;
    }
    return length(field, node.asString().strip(), maxLength);
  }

  /** A text that null or blank clears. */
  @Nullable String optionalText(String field, int maxLength) {
    if (!has(field) || body.get(field).isNull()) {
      return null;
    }
    JsonNode node = body.get(field);
    if (!node.isString()) {
      violations.add(new FieldViolation(field, "invalid", field + " must be a string"));
      return null;
    }
    return node.asString().isBlank() ? null : length(field, node.asString().strip(), maxLength);
  }

  /** An id that null clears. */
  @Nullable UUID optionalId(String field) {
    String text = optionalText(field, 36);
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "invalid", field + " must be a UUID"));
      return null;
    }
  }

  /** A boolean that cannot be cleared: null when absent (or invalid). */
  @Nullable Boolean flag(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode node = body.get(field);
    if (!node.isBoolean()) {
      violations.add(new FieldViolation(field, "invalid", field + " must be true or false"));
      return null;
    }
    return node.booleanValue();
  }

  /** One of a set of names: null when absent (or invalid). */
  <T> @Nullable T choice(String field, Function<String, @Nullable T> parse, String names) {
    if (!has(field)) {
      return null;
    }
    JsonNode node = body.get(field);
    T value = node.isString() ? parse.apply(node.asString()) : null;
    if (value == null) {
      violations.add(new FieldViolation(field, "invalid", field + " must be one of " + names));
    }
    return value;
  }

  /**
   * @throws ApiException listing every field that was not of its type
   */
  void validate() {
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
  }

  private @Nullable String length(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      violations.add(
          new FieldViolation(
              field, "length", field + " is longer than " + maxLength + " characters"));
      return null;
    }
    return value;
  }
}
