package io.dealflow.crm.appointment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an appointment list is narrowed to; null fields do not narrow. Dates apply to when it takes
 * place.
 *
 * @param leadId only this lead's appointments
 * @param assistantId only this assistant's
 * @param status only those in this status
 * @param from only those from this instant
 * @param until only those before this instant
 */
record AppointmentFilter(
    @Nullable UUID leadId,
    @Nullable UUID assistantId,
    @Nullable AppointmentStatus status,
    @Nullable Instant from,
    @Nullable Instant until) {}
