package io.dealflow.crm.appointment;

import io.dealflow.crm.appointment.AppointmentRequests.AppointmentChange;
import io.dealflow.crm.assistant.AssistantDirectory;
import io.dealflow.crm.events.AppointmentScheduled;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.jsonapi.Page;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.Sort;
import io.dealflow.crm.jsonapi.Violations;
import io.dealflow.crm.lead.LeadDirectory;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking and changing appointments. {@code appointment.scheduled} is written when one is booked
 * and whenever it moves to another time.
 */
@Service
class AppointmentBook {

  static final int DEFAULT_DURATION = 30;

  private final Appointments appointments;
  private final LeadDirectory leads;
  private final AssistantDirectory assistants;
  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  AppointmentBook(
      Appointments appointments,
      LeadDirectory leads,
      AssistantDirectory assistants,
      Outbox outbox) {
    this.appointments = appointments;
    this.leads = leads;
    this.assistants = assistants;
    this.outbox = outbox;
  }

  @Transactional
  Appointment create(UUID orgId, AppointmentChange change) {
    Violations violations = new Violations("appointment");
    UUID leadId = lead(orgId, change.leadId(), violations);
    if (change.leadId() == null) {
      violations.add("lead_id", "blank", "Lead can't be blank");
    }
    if (change.scheduledAt() == null) {
      violations.add("scheduled_at", "blank", "Scheduled at can't be blank");
    }
    UUID assistantId = assistant(orgId, change.assistantId(), violations);
    AppointmentStatus status = status(change.status(), violations);
    violations.throwIfAny();
    Instant now = clock.instant();
    Appointment saved =
        appointments.insert(
            new Appointment(
                UUID.randomUUID(),
                orgId,
                Objects.requireNonNull(leadId),
                assistantId,
                Objects.requireNonNull(change.scheduledAt()),
                change.duration() == null ? DEFAULT_DURATION : change.duration(),
                status == null ? AppointmentStatus.SCHEDULED : status,
                strip(change.externalLink()),
                JsonObjects.merge(Map.of(), change.metadata()),
                now,
                now));
    scheduled(saved);
    return saved;
  }

  @Transactional
  Appointment update(UUID orgId, UUID id, AppointmentChange change) {
    Violations violations = new Violations("appointment");
    UUID leadId = lead(orgId, change.leadId(), violations);
    UUID assistantId = assistant(orgId, change.assistantId(), violations);
    AppointmentStatus status = status(change.status(), violations);
    violations.throwIfAny();
    Appointment before = appointments.lock(orgId, id).orElseThrow(AppointmentBook::notFound);
    Appointment saved =
        appointments.update(
            new Appointment(
                before.id(),
                orgId,
                leadId != null ? leadId : before.leadId(),
                assistantId != null ? assistantId : before.assistantId(),
                change.scheduledAt() != null ? change.scheduledAt() : before.scheduledAt(),
                change.duration() != null ? change.duration() : before.duration(),
                status != null ? status : before.status(),
                change.externalLink() != null
                    ? strip(change.externalLink())
                    : before.externalLink(),
                JsonObjects.merge(before.metadata(), change.metadata()),
                before.createdAt(),
                before.updatedAt()));
    if (!saved.scheduledAt().equals(before.scheduledAt())) {
      scheduled(saved);
    }
    return saved;
  }

  @Transactional(readOnly = true)
  Appointment get(UUID orgId, UUID id) {
    return appointments.find(orgId, id).orElseThrow(AppointmentBook::notFound);
  }

  @Transactional(readOnly = true)
  Page<Appointment> list(UUID orgId, AppointmentFilter filter, Sort sort, PageRequest page) {
    return new Page<>(
        appointments.page(orgId, filter, sort, page), appointments.count(orgId, filter), page);
  }

  private void scheduled(Appointment appointment) {
    outbox.append(
        CrmEvents.APPOINTMENT_SCHEDULED,
        appointment.id(),
        appointment.orgId(),
        new AppointmentScheduled(
            appointment.id(),
            appointment.leadId(),
            appointment.assistantId(),
            appointment.scheduledAt(),
            appointment.duration()));
  }

  private @Nullable UUID lead(UUID orgId, @Nullable String value, Violations violations) {
    return violations.existing("lead_id", "Lead", value, id -> leads.exists(orgId, id));
  }

  private @Nullable UUID assistant(UUID orgId, @Nullable String value, Violations violations) {
    return violations.existing(
        "assistant_id", "Assistant", value, id -> assistants.exists(orgId, id));
  }

  private static @Nullable AppointmentStatus status(@Nullable String value, Violations violations) {
    return violations.oneOf(
        "status", "Status", value, AppointmentStatus.WIRE_NAMES, AppointmentStatus::fromWire);
  }

  private static ApiException notFound() {
    return ApiException.notFound("Appointment");
  }

  private static @Nullable String strip(@Nullable String value) {
    return value == null ? null : value.strip();
  }
}
