package io.dealflow.crm.appointment;

import io.dealflow.crm.jsonapi.JsonObjects;
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
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code appointments} table; every statement is scoped to one organization. */
@Repository
class Appointments {

  private static final String COLUMNS =
      "id, org_id, lead_id, assistant_id, scheduled_at, duration, status, external_link,"
          + " metadata, created_at, updated_at";

  private final JdbcClient jdbc;

  Appointments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Appointment insert(Appointment appointment) {
    return jdbc.sql(
            """
            INSERT INTO appointments (id, org_id, lead_id, assistant_id, scheduled_at, duration,
                                      status, external_link, metadata)
            VALUES (:id, :orgId, :leadId, :assistantId, :scheduledAt, :duration,
                    :status, :externalLink, CAST(:metadata AS jsonb))
            RETURNING\s"""
                + COLUMNS)
        .params(values(appointment))
        .query(Appointments::map)
        .single();
  }

  Appointment update(Appointment appointment) {
    return jdbc.sql(
            """
            UPDATE appointments
               SET lead_id = :leadId, assistant_id = :assistantId, scheduled_at = :scheduledAt,
                   duration = :duration, status = :status, external_link = :externalLink,
                   metadata = CAST(:metadata AS jsonb), updated_at = now()
             WHERE org_id = :orgId AND id = :id
            RETURNING\s"""
                + COLUMNS)
        .params(values(appointment))
        .query(Appointments::map)
        .single();
  }

  Optional<Appointment> find(UUID orgId, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM appointments WHERE org_id = :orgId AND id = :id")
        .param("orgId", orgId)
        .param("id", id)
        .query(Appointments::map)
        .optional();
  }

  Optional<Appointment> lock(UUID orgId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM appointments WHERE org_id = :orgId AND id = :id FOR UPDATE")
        .param("orgId", orgId)
        .param("id", id)
        .query(Appointments::map)
        .optional();
  }

  List<Appointment> page(UUID orgId, AppointmentFilter filter, Sort sort, PageRequest page) {
    Map<String, Object> params = new HashMap<>();
    String where = where(orgId, filter, params);
    params.put("limit", page.perPage());
    params.put("offset", page.offset());
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM appointments WHERE "
                + where
                + " ORDER BY "
                + sort.sql()
                + " LIMIT :limit OFFSET :offset")
        .params(params)
        .query(Appointments::map)
        .list();
  }

  long count(UUID orgId, AppointmentFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String where = where(orgId, filter, params);
    return jdbc.sql("SELECT count(*) FROM appointments WHERE " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String where(UUID orgId, AppointmentFilter filter, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    conditions.add("org_id = :orgId");
    params.put("orgId", orgId);
    if (filter.leadId() != null) {
      conditions.add("lead_id = :leadId");
      params.put("leadId", filter.leadId());
    }
    if (filter.assistantId() != null) {
      conditions.add("assistant_id = :assistantId");
      params.put("assistantId", filter.assistantId());
    }
    if (filter.status() != null) {
      conditions.add("status = :status");
      params.put("status", filter.status().wire());
    }
    if (filter.from() != null) {
      conditions.add("scheduled_at >= :from");
      params.put("from", Timestamp.from(filter.from()));
    }
    if (filter.until() != null) {
      conditions.add("scheduled_at < :until");
      params.put("until", Timestamp.from(filter.until()));
    }
    return String.join(" AND ", conditions);
  }

  private static Map<String, Object> values(Appointment a) {
    Map<String, Object> values = new HashMap<>();
    values.put("id", a.id());
    values.put("orgId", a.orgId());
    values.put("leadId", a.leadId());
    values.put("assistantId", a.assistantId());
    values.put("scheduledAt", Timestamp.from(a.scheduledAt()));
    values.put("duration", a.duration());
    values.put("status", a.status().wire());
    values.put("externalLink", a.externalLink());
    values.put("metadata", JsonObjects.write(a.metadata()));
    return values;
  }

  private static Appointment map(ResultSet rs, int row) throws SQLException {
    return new Appointment(
        rs.getObject("id", UUID.class),
        rs.getObject("org_id", UUID.class),
        rs.getObject("lead_id", UUID.class),
        rs.getObject("assistant_id", UUID.class),
        rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
        rs.getInt("duration"),
        AppointmentStatus.fromWire(rs.getString("status")).orElseThrow(),
        rs.getString("external_link"),
        JsonObjects.read(rs.getString("metadata")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
