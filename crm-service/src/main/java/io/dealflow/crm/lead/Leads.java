package io.dealflow.crm.lead;

import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.jsonapi.OrgScopedTable;
import io.dealflow.crm.jsonapi.OrgScopedTable.Sql;
import io.dealflow.crm.jsonapi.OrgScopedTable.Where;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.Sort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The {@code leads} table; every statement is scoped to one organization. */
@Repository
class Leads {

  private static final String COLUMNS =
      "id, org_id, assistant_id, name, email, phone, source, status, qualified_at, score,"
          + " computed_score, score_override, score_breakdown, metadata, created_at, updated_at";
  private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {};

  private static final OrgScopedTable TABLE = new OrgScopedTable("leads", COLUMNS);

  private final JdbcClient jdbc;

  Leads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Lead insert(Lead lead) {
    return jdbc.sql(
            """
            INSERT INTO leads (id, org_id, assistant_id, name, email, phone, source, status,
                               qualified_at, score, computed_score, score_override,
                               score_breakdown, metadata)
            VALUES (:id, :orgId, :assistantId, :name, :email, :phone, :source, :status,
                    :qualifiedAt, :score, :computedScore, :scoreOverride,
                    CAST(:breakdown AS jsonb), CAST(:metadata AS jsonb))
            RETURNING\s"""
                + COLUMNS)
        .params(values(lead))
        .query(Leads::map)
        .single();
  }

  Lead update(Lead lead) {
    return jdbc.sql(
            """
            UPDATE leads
               SET assistant_id = :assistantId, name = :name, email = :email, phone = :phone,
                   source = :source, status = :status, qualified_at = :qualifiedAt,
                   score = :score, computed_score = :computedScore,
                   score_override = :scoreOverride, score_breakdown = CAST(:breakdown AS jsonb),
                   metadata = CAST(:metadata AS jsonb), updated_at = now()
             WHERE org_id = :orgId AND id = :id
            RETURNING\s"""
                + COLUMNS)
        .params(values(lead))
        .query(Leads::map)
        .single();
  }

  Optional<Lead> find(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.selectById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Leads::map)
        .optional();
  }

  /** Locks the lead's row until the transaction ends: its score is read, recomputed, written. */
  Optional<Lead> lock(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.lockById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Leads::map)
        .optional();
  }

  /** The lead another system knows by {@code externalId}, locked until the transaction ends. */
  Optional<Lead> lockByExternalId(UUID orgId, String source, String externalId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM leads
                WHERE org_id = :orgId AND source = :source AND external_id = :externalId
                FOR UPDATE
                """)
        .param("orgId", orgId)
        .param("source", source)
        .param("externalId", externalId)
        .query(Leads::map)
        .optional();
  }

  void setExternalId(UUID orgId, UUID id, String externalId) {
    jdbc.sql("UPDATE leads SET external_id = :externalId WHERE org_id = :orgId AND id = :id")
        .param("orgId", orgId)
        .param("id", id)
        .param("externalId", externalId)
        .update();
  }

  boolean exists(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.countById())
            .param("orgId", orgId)
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  List<Lead> page(UUID orgId, LeadFilter filter, Sort sort, PageRequest page) {
    Sql select = where(orgId, filter).page(sort, page);
    return jdbc.sql(select.text()).params(select.params()).query(Leads::map).list();
  }

  long count(UUID orgId, LeadFilter filter) {
    Sql count = where(orgId, filter).count();
    return jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
  }

  boolean delete(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.deleteById()).param("orgId", orgId).param("id", id).update() > 0;
  }

  private static Where where(UUID orgId, LeadFilter filter) {
    String search = filter.search();
    return TABLE
        .where(orgId)
        .and("assistant_id = :assistantId", "assistantId", filter.assistantId())
        .and("status = :status", "status", filter.status() == null ? null : filter.status().wire())
        .and("lower(source) = lower(:source)", "source", filter.source())
        .and("created_at >= :createdAfter", "createdAfter", filter.createdAfter())
        .and(
            searchCondition(filter.searchFields()),
            "search",
            search == null ? null : "%" + escapeLike(search) + "%");
  }

  /** Any of the chosen fields contains {@code :search}. */
  private static String searchCondition(Set<String> fields) {
    List<String> any = new ArrayList<>();
    if (fields.contains("name")) {
      any.add("name ILIKE :search ESCAPE '\\'");
    }
    if (fields.contains("email")) {
      any.add("email ILIKE :search ESCAPE '\\'");
    }
    if (fields.contains("company")) {
      any.add("metadata ->> 'company' ILIKE :search ESCAPE '\\'");
    }
    return "(" + String.join(" OR ", any) + ")";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Map<String, Object> values(Lead lead) {
    Map<String, Object> values = new HashMap<>();
    values.put("id", lead.id());
    values.put("orgId", lead.orgId());
    values.put("assistantId", lead.assistantId());
    values.put("name", lead.name());
    values.put("email", lead.email());
    values.put("phone", lead.phone());
    values.put("source", lead.source());
    values.put("status", lead.status().wire());
    values.put(
        "qualifiedAt", lead.qualifiedAt() == null ? null : Timestamp.from(lead.qualifiedAt()));
    values.put("score", lead.score());
    values.put("computedScore", lead.computedScore());
    values.put("scoreOverride", lead.scoreOverride());
    values.put("breakdown", JsonObjects.write(lead.breakdown()));
    values.put("metadata", JsonObjects.write(lead.metadata()));
    return values;
  }

  private static Lead map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime qualifiedAt = rs.getObject("qualified_at", OffsetDateTime.class);
    return new Lead(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("assistant_id", UUID.class),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getString("source"),
        LeadStatus.fromWire(rs.getString("status")).orElseThrow(),
        qualifiedAt == null ? null : qualifiedAt.toInstant(),
        rs.getInt("score"),
        rs.getInt("computed_score"),
        rs.getBoolean("score_override"),
        JsonObjects.read(rs.getString("score_breakdown"), CRITERIA),
        JsonObjects.read(rs.getString("metadata")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
