package io.dealflow.crm.jsonapi;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.FieldViolation;
import java.util.ArrayList;
import java.util.List;

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
