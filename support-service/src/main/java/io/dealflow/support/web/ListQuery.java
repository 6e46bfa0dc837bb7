package io.dealflow.support.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.support.range.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * HeliosCS list parameters beside paging, read from the raw query: {@code filter[<field>]=value},
 * {@code filter[created_at]=<from>..<to>} (ISO dates or instants, either end optional; a date means
 * the whole day), {@code sort=<field>:asc|desc} and {@code search}.
 */
public final class ListQuery {

  /** A sort order on one of a list's sortable fields. */
  public record Sort(String field, boolean ascending) {}

  private final Map<String, String> parameters;

  public ListQuery(Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  /** The value of {@code filter[field]}, checked against the allowed values. */
  public @Nullable String filter(String field, Set<String> allowed) {
    String value = blankToNull(parameters.get("filter[" + field + "]"));
    if (value != null && !allowed.contains(value)) {
      throw ApiException.invalid(
          "filter[" + field + "]", "enum", "must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  /** The range of {@code filter[field]}: {@code from..to}, or one instant or date. */
  public TimeRange range(String field) {
    String value = blankToNull(parameters.get("filter[" + field + "]"));
    if (value == null) {
      return new TimeRange(null, null);
    }
    String name = "filter[" + field + "]";
    int dots = value.indexOf("..");
    if (dots < 0) {
      return new TimeRange(start(name, value), value.length() == 10 ? end(name, value) : null);
    }
    String from = value.substring(0, dots).strip();
    String to = value.substring(dots + 2).strip();
    return new TimeRange(
        from.isEmpty() ? null : start(name, from), to.isEmpty() ? null : end(name, to));
  }

  /** {@code sort=field:asc|desc}, the field one of {@code sortable}; else the default. */
  public Sort sort(Set<String> sortable, Sort otherwise) {
    String value = blankToNull(parameters.get("sort"));
    if (value == null) {
      return otherwise;
    }
    String[] parts = value.split(":", 2);
    String direction = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
    if (!sortable.contains(parts[0]) || !Set.of("asc", "desc").contains(direction)) {
      throw ApiException.invalid(
          "sort",
          "format",
          "must be <field>:asc or <field>:desc, the field one of " + String.join(", ", sortable));
    }
    return new Sort(parts[0], direction.equals("asc"));
  }

  public @Nullable String search() {
    String search = blankToNull(parameters.get("search"));
    if (search != null && search.length() > 200) {
      throw ApiException.invalid("search", "size", "must be at most 200 characters");
    }
    return search;
  }

  private static Instant start(String name, String value) {
    return parse(name, value, false);
  }

  private static Instant end(String name, String value) {
    return parse(name, value, true);
  }

  private static Instant parse(String name, String value, boolean end) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          name, "format", "must be <from>..<to> with ISO dates (2024-01-15) or instants");
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
