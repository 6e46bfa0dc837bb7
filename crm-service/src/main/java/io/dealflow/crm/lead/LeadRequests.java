package io.dealflow.crm.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the lead endpoints. In a PATCH, an attribute that is absent or null keeps its
 * value; {@code metadata} is merged key by key, and a key set to null is removed.
 */
final class LeadRequests {

  static final String NOT_BLANK_IF_PRESENT = "(?s).*\\S.*";

  private LeadRequests() {}

  /** {@code {"lead": {...}}} of {@code POST /leads} and {@code PATCH /leads/{id}}. */
  record LeadBody(@NotNull(message = "can't be blank") @Valid LeadChange lead) {}

  /**
   * @param name the lead's name (required on create)
   * @param email its email
   * @param phone its phone number
   * @param source where it came from
   * @param assistantId the assistant it is assigned to, an assistant of the caller's organization
   * @param status new, qualified, proposal or closed
   * @param qualified true qualifies the lead (as status {@code qualified} does); false withdraws
   *     its qualification
   * @param score a score set by hand (0–100): it replaces the computed one until {@code
   *     score_override} is set to false
   * @param scoreOverride false returns the lead to its computed score
   * @param metadata free-form facts; the scoring reads budget, title, pain_points, timeline, ...
   */
  record LeadChange(
      @Size(max = 200, message = "is too long (maximum is 200 characters)")
          @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
          @Nullable String name,
      @Size(max = 320, message = "is too long (maximum is 320 characters)")
          @Email(message = "is invalid")
          @Nullable String email,
      @Pattern(regexp = "\\+?[0-9 ().\\-]{3,40}", message = "is invalid") @Nullable String phone,
      @Size(max = 100, message = "is too long (maximum is 100 characters)") @Nullable String source,
      @JsonProperty("assistant_id") @Nullable String assistantId,
      @Nullable String status,
      @Nullable Boolean qualified,
      @Min(value = 0, message = "must be between 0 and 100")
          @Max(value = 100, message = "must be between 0 and 100")
          @Nullable Integer score,
      @JsonProperty("score_override") @Nullable Boolean scoreOverride,
      @Nullable Map<String, @Nullable Object> metadata) {}

  /** {@code {"status": "qualified"}} of {@code PATCH /leads/{id}/status}. */
  record StatusBody(
      @NotNull(message = "can't be blank")
          @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
          @Nullable String status) {}
}
