package io.dealflow.crm.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An appointment was created, or moved to a new time.
 *
 * @param appointmentId the appointment
 * @param leadId the lead it is with
 * @param assistantId the assistant, if any
 * @param scheduledAt when it takes place
 * @param duration its length in minutes
 */
public record AppointmentScheduled(
    UUID appointmentId,
    UUID leadId,
    @Nullable UUID assistantId,
    Instant scheduledAt,
    int duration) {}
