package io.dealflow.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * How a framework's validation failure becomes a {@link FieldViolation}: a readable message led by
 * the field's name ("First name is required") and a short Spotlight-style code from the constraint
 * that failed ({@code blank}, {@code required}, {@code length}, {@code range}, {@code invalid}).
 * Servlet and reactive services word their errors alike through it.
 */
public final class Violations {

  private Violations() {}

  public static FieldViolation of(String field, String code, @Nullable String message) {
    String leaf = field.substring(field.lastIndexOf('.') + 1).replace('_', ' ');
    String human =
        leaf.isEmpty() ? field : Character.toUpperCase(leaf.charAt(0)) + leaf.substring(1);
    return new FieldViolation(
        field, code, human + " " + (message != null ? message : "is invalid"));
  }

  /**
   * Every error of a bound request body, each field under its wire name (see {@link WireNames}).
   */
  public static List<FieldViolation> of(BindingResult result) {
    Class<?> type = result.getTarget() != null ? result.getTarget().getClass() : null;
    List<FieldViolation> violations = new ArrayList<>();
    for (FieldError error : result.getFieldErrors()) {
      violations.add(
          of(
              WireNames.of(type, error.getField()),
              codeOf(error.getCodes()),
              error.getDefaultMessage()));
    }
    for (ObjectError error : result.getGlobalErrors()) {
      violations.add(
          of(error.getObjectName(), codeOf(error.getCodes()), error.getDefaultMessage()));
    }
    return violations;
  }

  /**
   * Every error of validated method parameters (path variables, query parameters), each under its
   * field's name, else its parameter's.
   */
  public static List<FieldViolation> of(MethodValidationResult result) {
    List<FieldViolation> violations = new ArrayList<>();
    for (ParameterValidationResult parameter : result.getParameterValidationResults()) {
      String name = parameter.getMethodParameter().getParameterName();
      for (MessageSourceResolvable error : parameter.getResolvableErrors()) {
        String field =
            error instanceof FieldError fieldError
                ? fieldError.getField()
                : name != null ? name : "parameter";
        violations.add(of(field, codeOf(error.getCodes()), error.getDefaultMessage()));
      }
    }
    return violations;
  }

  /** The short code of the constraint named last in {@code codes} (Spring's error codes). */
  public static String codeOf(String @Nullable [] codes) {
    String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
    return switch (constraint) {
      case "NotBlank", "NotEmpty" -> "blank";
      case "NotNull" -> "required";
      case "Size", "Length" -> "length";
      case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax", "Range" ->
          "range";
      case "Email", "Pattern", "typeMismatch" -> "invalid";
      default -> constraint.isEmpty() ? "invalid" : constraint.toLowerCase(Locale.ROOT);
    };
  }
}
