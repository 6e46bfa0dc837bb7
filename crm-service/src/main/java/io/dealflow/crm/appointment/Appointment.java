package io.dealflow.crm.appointment;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An appointment with a lead.
 *
 * @param id its id
 * @param orgId its organization
 * @param leadId the lead it is with
 * @param assistantId the assistant that booked it
 * @param scheduledAt when it takes place
 * @param duration its length in minutes
 * @param status scheduled, completed or cancelled
 * @param externalLink the meeting's link (calendar, video call)
 * @param metadata the client's facts (meeting type, time zone, ...)
 * @param createdAt when it was booked
 * @param updatedAt when it last changed
 */
record Appointment(
    UUID id,
    UUID orgId,
    UUID leadId,
    @Nullable UUID assistantId,
    Instant scheduledAt,
    int duration,
    AppointmentStatus status,
    @Nullable String externalLink,
    Map<String, Object> metadata,
    Instant createdAt,
    Instant updatedAt) {

  Appointment {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }
}
