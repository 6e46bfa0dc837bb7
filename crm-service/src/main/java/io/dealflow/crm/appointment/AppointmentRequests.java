package io.dealflow.crm.appointment;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the appointment endpoints. In a PATCH, an attribute that is absent or null keeps
 * its value; {@code metadata} is merged key by key, and a key set to null is removed.
 */
final class AppointmentRequests {

  private AppointmentRequests() {}

  /** {@code {"appointment": {...}}}. */
  record AppointmentBody(
      @NotNull(message = "can't be blank") @Valid AppointmentChange appointment) {}

  /**
   * @param leadId the lead it is with (required on create), of the caller's organization
   * @param assistantId the assistant that booked it, of the caller's organization
   * @param scheduledAt when it takes place (required on create)
   * @param duration its length in minutes, 1–1440 (default 30)
   * @param status scheduled (the default), completed or cancelled
   * @param externalLink an http(s) link to the meeting
   * @param metadata the client's facts
   */
  record AppointmentChange(
      @JsonProperty("lead_id") @Nullable String leadId,
      @JsonProperty("assistant_id") @Nullable String assistantId,
      @JsonProperty("scheduled_at") @Nullable Instant scheduledAt,
      @Min(value = 1, message = "must be between 1 and 1440 minutes")
          @Max(value = 1440, message = "must be between 1 and 1440 minutes")
          @Nullable Integer duration,
      @Nullable String status,
      @JsonProperty("external_link")
          @Size(max = 2000, message = "is too long (maximum is 2000 characters)")
          @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
          @Nullable String externalLink,
      @Nullable Map<String, @Nullable Object> metadata) {}
}
