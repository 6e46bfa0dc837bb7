package io.dealflow.crm.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How an assistant sounds: the speech provider's voice and its rate and pitch (1.0 is the voice's
 * own; 0.5–2.0).
 *
 * @param voiceId the provider's voice id
 * @param speed the speaking rate
 * @param pitch the pitch
 */
record VoiceSettings(
    @JsonProperty("voice_id") @Nullable String voiceId,
    @Nullable Double speed,
    @Nullable Double pitch) {

  static final double MIN = 0.5;
  static final double MAX = 2.0;

  /** These settings with the given ones laid over them (absent ones keep their value). */
  VoiceSettings merge(VoiceSettings change) {
    return new VoiceSettings(
        change.voiceId() != null ? change.voiceId() : voiceId,
        change.speed() != null ? change.speed() : speed,
        change.pitch() != null ? change.pitch() : pitch);
  }
}
