package io.dealflow.crm.jsonapi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of a table whose rows belong to organizations: a row by its id, and a list's page and
 * count, each scoped to one organization ({@code org_id = :orgId}). Only SQL and its parameters are
 * made here; the feature's repository runs them, because JDBC stays in repositories.
 *
 * @param name the table
 * @param columns the columns a row is read from
 */
public record OrgScopedTable(String name, String columns) {

  /** One row, by {@code :orgId} and {@code :id}. */
  public String selectById() {
    return "SELECT " + columns + " FROM " + name + " WHERE org_id = :orgId AND id = :id";
  }

  /** One row, by {@code :orgId} and {@code :id}, locked until the transaction ends. */
  public String lockById() {
    return selectById() + " FOR UPDATE";
  }

  /** 1 if the organization has the row {@code :id}, else 0. */
  public String countById() {
    return "SELECT count(*) FROM " + name + " WHERE org_id = :orgId AND id = :id";
  }

  public String deleteById() {
    return "DELETE FROM " + name + " WHERE org_id = :orgId AND id = :id";
  }

  /** The organization's rows, to be narrowed by {@link Where#and}. */
  public Where where(UUID orgId) {
    return new Where(this, orgId);
  }

  /**
   * SQL and the values of its named parameters.
   *
   * @param text the statement
   * @param params the value of each {@code :name}
   */
  public record Sql(String text, Map<String, Object> params) {

    public Sql {
      params = Map.copyOf(params);
    }
  }

  /** The conditions of a list query: the organization's, then the filters the client set. */
  public static final class Where {

    private final OrgScopedTable table;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private Where(OrgScopedTable table, UUID orgId) {
      this.table = table;
      conditions.add("org_id = :orgId");
      params.put("orgId", orgId);
    }

    /**
     * Adds {@code condition} with {@code value} as its {@code :parameter}; a null value is a filter
     * the client did not set, and adds nothing. An {@link Instant} is bound as a {@link Timestamp},
     * which the driver takes.
     */
    public Where and(String condition, String parameter, @Nullable Object value) {
      if (value != null) {
        conditions.add(condition);
        params.put(parameter, value instanceof Instant instant ? Timestamp.from(instant) : value);
      }
      return this;
    }

    /** The rows of one page, in {@code sort} order. */
    public Sql page(Sort sort, PageRequest page) {
      return page(sort.sql(), page);
    }

    /**
     * Every matching row.
     *
     * @param orderBy the ORDER BY clause, without the keywords
     */
    public Sql all(String orderBy) {
      return new Sql(
          "SELECT "
              + table.columns()
              + " FROM "
              + table.name()
              + " WHERE "
              + String.join(" AND ", conditions)
              + " ORDER BY "
              + orderBy,
          params);
    }

    /**
     * The rows of one page.
     *
     * @param orderBy the ORDER BY clause, without the keywords; it must tell every two rows apart,
     *     so that pages never overlap
     */
    public Sql page(String orderBy, PageRequest page) {
      Map<String, Object> paged = new HashMap<>(params);
      paged.put("limit", page.perPage());
      paged.put("offset", page.offset());
      return new Sql(all(orderBy).text() + " LIMIT :limit OFFSET :offset", paged);
    }

    /** How many rows match, over all pages. */
    public Sql count() {
      return new Sql(
          "SELECT count(*) FROM " + table.name() + " WHERE " + String.join(" AND ", conditions),
          params);
    }
  }
}
