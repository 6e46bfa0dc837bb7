package io.dealflow.crm.jsonapi;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads list filters. A query parameter the service cannot use answers 400 (Bad Request) with
 * {@code meta.parameter} naming it: JSON:API reserves {@code source.pointer} for the body.
 */
public final class QueryParameters {

  private QueryParameters() {}

  public static ApiException invalid(String parameter, String message) {
    return new ApiException(
        ApiError.of(ErrorKind.BAD_REQUEST, message)
            .withCode("INVALID_PARAMETER")
            .withMeta("parameter", parameter));
  }

  /** The value if it is one of {@code allowed}; null if absent or blank. */
  public static @Nullable String oneOf(
      String parameter, @Nullable String value, Collection<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String normalized = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(normalized)) {
      throw invalid(
          parameter,
          "Parameter "
              + parameter
              + " must be one of "
              + String.join(", ", allowed)
              + ", not '"
              + value
              + "'");
    }
    return normalized;
  }

  /** What the value's wire name stands for, read by {@code fromWire}; null if absent or blank. */
  public static <T> @Nullable T oneOf(
      String parameter,
      @Nullable String value,
      Collection<String> allowed,
      Function<String, Optional<T>> fromWire) {
    String name = oneOf(parameter, value, allowed);
    return name == null ? null : fromWire.apply(name).orElseThrow();
  }

  /**
   * The start of a time filter: a date ({@code 2025-01-31}, from its first instant, UTC) or a
   * date-time with an offset ({@code 2025-01-31T10:00:00Z}).
   */
  public static @Nullable Instant from(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          parameter,
          "Parameter " + parameter + " must be a date (2025-01-31) or a date-time with an offset");
    }
  }

  /**
   * The exclusive end of a time filter that includes its value: a date includes its whole day
   * (UTC); a date-time includes that instant (the database keeps microseconds).
   */
  public static @Nullable Instant until(String parameter, @Nullable String value) {
    Instant start = from(parameter, value);
    if (start == null) {
      return null;
    }
    return value != null && value.strip().length() == 10
        ? start.plus(1, ChronoUnit.DAYS)
        : start.plus(1, ChronoUnit.MICROS);
  }
}
