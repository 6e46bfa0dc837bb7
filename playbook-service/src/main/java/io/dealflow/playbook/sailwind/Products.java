package io.dealflow.playbook.sailwind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code products} table. Every query names its organization. */
@Repository
class Products {

  private static final String COLUMNS =
      "id, org_id, name, product_archetype_id, archived, created_at, updated_at";

  private final JdbcClient jdbc;

  Products(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the product (or, with {@code ifAbsent}, not if its id exists); true if inserted. */
  boolean insert(Product product, boolean ifAbsent) {
    return bind(
                jdbc.sql(
                    """
                    INSERT INTO products (%s)
                    VALUES (:id, :orgId, :name, :archetypeId, :archived, :createdAt, :updatedAt)
                    """
                            .formatted(COLUMNS)
                        + (ifAbsent ? " ON CONFLICT (id) DO NOTHING" : "")),
                product)
            .update()
        == 1;
  }

  void update(Product product) {
    bind(
            jdbc.sql(
                """
                UPDATE products SET name = :name, product_archetype_id = :archetypeId,
                       archived = :archived, updated_at = :updatedAt
                WHERE id = :id AND org_id = :orgId
                """),
            product)
        .update();
  }

  /** The product, locked until the transaction ends when {@code lock}. */
  Optional<Product> find(UUID orgId, UUID id, boolean lock) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM products WHERE id = :id AND org_id = :orgId"
                + (lock ? " FOR UPDATE" : ""))
        .param("id", id)
        .param("orgId", orgId)
        .query(Products::map)
        .optional();
  }

  /** The organization's products, oldest first. */
  List<Product> list(UUID orgId, boolean includeArchived) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM products WHERE org_id = :orgId"
                + (includeArchived ? "" : " AND NOT archived")
                + " ORDER BY created_at, id")
        .param("orgId", orgId)
        .query(Products::map)
        .list();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement, Product product) {
    return statement
        .param("id", product.id())
        .param("orgId", product.orgId())
        .param("name", product.name())
        .param("archetypeId", product.productArchetypeId())
        .param("archived", product.archived())
        .param("createdAt", Rows.timestamp(product.createdAt()))
        .param("updatedAt", Rows.timestamp(product.updatedAt()));
  }

  private static Product map(ResultSet rs, int row) throws SQLException {
    return new Product(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "org_id"),
        rs.getString("name"),
        Rows.optionalUuid(rs, "product_archetype_id"),
        rs.getBoolean("archived"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
