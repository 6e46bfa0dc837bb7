package io.dealflow.crm.jsonapi;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Collects a request body's invalid attributes, to answer them all at once (422, each error's
 * {@code source.pointer} at {@code /data/attributes/<field>}).
 */
public final class Violations {

  private final String resource;
  private final List<FieldViolation> violations = new ArrayList<>();

  /**
   * @param resource the body's wrapping key, e.g. {@code lead}
   */
  public Violations(String resource) {
    this.resource = resource;
  }

  /**
   * @param field the attribute's wire name, e.g. {@code status}
   * @param code a short machine code, e.g. {@code inclusion}
   * @param message the whole sentence, e.g. {@code Status is not included in the list}
   */
  public Violations add(String field, String code, String message) {
    violations.add(new FieldViolation(resource + "." + field, code, message));
    return this;
  }

  /**
   * The id an attribute names, when the caller's organization has it; else the attribute's error
   * ({@code not_found}, "{@code <label>} does not exist", also for a malformed id) and null.
   *
   * @param exists whether the organization has the id
   * @return null as well when the attribute is absent
   */
  public @Nullable UUID existing(
      String field, String label, @Nullable String value, Predicate<UUID> exists) {
    if (value == null) {
      return null;
    }
    try {
      UUID id = UUID.fromString(value.strip());
      if (exists.test(id)) {
        return id;
      }
    } catch (IllegalArgumentException notAUuid) {
      // reported below, like an id of another organization
    }
    add(field, "not_found", label + " does not exist");
    return null;
  }

  /**
   * What an attribute's wire name (any case, spaces around) stands for; else the attribute's error
   * ({@code inclusion}, "{@code <label>} must be one of ..., not '...'") and null.
   *
   * @param names the wire names, in the order the error lists them
   * @return null as well when the attribute is absent
   */
  public <T> @Nullable T oneOf(
      String field,
      String label,
      @Nullable String value,
      List<String> names,
      Function<String, Optional<T>> fromWire) {
    if (value == null) {
      return null;
    }
    T chosen = fromWire.apply(value.strip().toLowerCase(Locale.ROOT)).orElse(null);
    if (chosen == null) {
      add(
          field,
          "inclusion",
          label + " must be one of " + String.join(", ", names) + ", not '" + value + "'");
    }
    return chosen;
  }

  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /**
   * @throws ApiException the validation error, when anything was added
   */
  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new ApiException(ApiError.validation(violations));
    }
  }
}
