package io.dealflow.crm.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.crm.jsonapi.Violations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of {@code POST} and {@code PATCH /assistants}: {@code {"assistant": {...}}}. In a
 * PATCH, an attribute that is absent or null keeps its value; {@code voice_settings} is merged
 * field by field.
 */
final class AssistantRequests {

  static final String NOT_BLANK_IF_PRESENT = "(?s).*\\S.*";

  private AssistantRequests() {}

  /**
   * @param assistant the attributes
   */
  record AssistantBody(@NotNull(message = "can't be blank") @Valid AssistantChange assistant) {}

  /**
   * @param name its name (required on create)
   * @param tone how it speaks
   * @param role what it acts as
   * @param script what it says
   * @param voiceSettings how it sounds
   */
  record AssistantChange(
      @Size(max = 200, message = "is too long (maximum is 200 characters)")
          @Pattern(regexp = NOT_BLANK_IF_PRESENT, message = "can't be blank")
          @Nullable String name,
      @Size(max = 50, message = "is too long (maximum is 50 characters)") @Nullable String tone,
      @Size(max = 50, message = "is too long (maximum is 50 characters)") @Nullable String role,
      @Size(max = 20000, message = "is too long (maximum is 20000 characters)")
          @Nullable String script,
      @JsonProperty("voice_settings") @Nullable VoiceSettings voiceSettings) {

    /** Checks the voice settings' fields, each pointed at by its nested path. */
    void checkVoiceSettings(Violations violations) {
      if (voiceSettings == null) {
        return;
      }
      String voiceId = voiceSettings.voiceId();
      if (voiceId != null && (voiceId.isBlank() || voiceId.length() > 200)) {
        violations.add(
            "voice_settings.voice_id",
            "invalid",
            "Voice settings voice_id must be 1 to 200 characters");
      }
      check("speed", voiceSettings.speed(), violations);
      check("pitch", voiceSettings.pitch(), violations);
    }

    private static void check(String field, @Nullable Double value, Violations violations) {
      if (value != null
          && (!Double.isFinite(value) || value < VoiceSettings.MIN || value > VoiceSettings.MAX)) {
        violations.add(
            "voice_settings." + field,
            "range",
            "Voice settings "
                + field
                + " must be between "
                + VoiceSettings.MIN
                + " and "
                + VoiceSettings.MAX);
      }
    }
  }
}
