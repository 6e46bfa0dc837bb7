package io.dealflow.crm.jsonapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code sort} and {@code order} of a list, checked against the fields a resource can be sorted by.
 * Only whitelisted column names ever reach SQL. Ties are broken by id, so that pages never overlap.
 *
 * @param column the SQL column
 * @param descending whether the order is descending
 */
public record Sort(String column, boolean descending) {

  /**
   * @param sort the {@code sort} parameter, or null for {@code defaultField}
   * @param order {@code asc} or {@code desc}; when absent, {@code created_at} and {@code
   *     updated_at} sort newest first and other fields ascending
   * @param columns the sortable wire names and their columns
   * @param defaultField the wire name used when {@code sort} is absent
   */
  public static Sort of(
      @Nullable String sort,
      @Nullable String order,
      Map<String, String> columns,
      String defaultField) {
    String field =
        sort == null || sort.isBlank() ? defaultField : sort.strip().toLowerCase(Locale.ROOT);
    String column = columns.get(field);
    if (column == null) {
      throw QueryParameters.invalid(
          "sort",
          "Parameter sort must be one of "
              + String.join(", ", columns.keySet().stream().sorted().toList())
              + ", not '"
              + sort
              + "'");
    }
    String direction = QueryParameters.oneOf("order", order, List.of("asc", "desc"));
    boolean descending = direction == null ? field.endsWith("_at") : direction.equals("desc");
    return new Sort(column, descending);
  }

  /** The ORDER BY clause (without the keywords), e.g. {@code created_at DESC, id DESC}. */
  public String sql() {
    String direction = descending ? "DESC" : "ASC";
    return column + " " + direction + " NULLS LAST, id " + direction;
  }
}
