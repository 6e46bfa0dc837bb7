package io.dealflow.crm.appointment;

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

  private static final OrgScopedTable TABLE = new OrgScopedTable("appointments", COLUMNS);

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
    return jdbc.sql(TABLE.selectById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Appointments::map)
        .optional();
  }

  Optional<Appointment> lock(UUID orgId, UUID id) {
    return jdbc.sql(TABLE.lockById())
        .param("orgId", orgId)
        .param("id", id)
        .query(Appointments::map)
        .optional();
  }

  List<Appointment> page(UUID orgId, AppointmentFilter filter, Sort sort, PageRequest page) {
    Sql select = where(orgId, filter).page(sort, page);
    return jdbc.sql(select.text()).params(select.params()).query(Appointments::map).list();
  }

  long count(UUID orgId, AppointmentFilter filter) {
    Sql count = where(orgId, filter).count();
    return jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
  }

  private static Where where(UUID orgId, AppointmentFilter filter) {
    return TABLE
        .where(orgId)
        .and("lead_id = :leadId", "leadId", filter.leadId())
        .and("assistant_id = :assistantId", "assistantId", filter.assistantId())
        .and("status = :status", "status", filter.status() == null ? null : filter.status().wire())
        .and("scheduled_at >= :from", "from", filter.from())
        .and("scheduled_at < :until", "until", filter.until());
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
