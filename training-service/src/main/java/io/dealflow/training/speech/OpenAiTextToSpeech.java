package io.dealflow.training.speech;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speech by an OpenAI-compatible API ({@code POST /audio/speech}). Each {@link Voices voice id}
 * maps to one of the API's voices; the duration is read from the audio that comes back.
 */
public final class OpenAiTextToSpeech implements TextToSpeech {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final Map<String, String> API_VOICES =
      Map.of(
          Voices.PROFESSIONAL_FEMALE, "nova",
          Voices.PROFESSIONAL_MALE, "onyx",
          Voices.FRIENDLY_FEMALE, "shimmer",
          Voices.FRIENDLY_MALE, "echo",
          Voices.NEUTRAL, "alloy");

  private final OpenAiAudioApi api;
  private final SpeechSettings settings;

  public OpenAiTextToSpeech(SpeechSettings settings, @Nullable String apiKey) {
    this.api = new OpenAiAudioApi(settings.openai(), apiKey);
    this.settings = settings;
  }

  @Override
  public Speech synthesize(String text, String voiceId, double speed, SpeechFormat format) {
    String words = SpeechText.require(text, settings.maxTextLength());
    TextToSpeech.requireValid(voiceId, speed);
    String body =
        JSON.writeValueAsString(
            Map.of(
                "model", settings.openai().ttsModel(),
                "input", words,
                "voice", API_VOICES.get(voiceId),
                "response_format", format.wireName(),
                "speed", speed));
    byte[] audio = api.speech(body);
    return new Speech(audio, format, durationOf(audio, format));
  }

  @Override
  public String engine() {
    return "openai";
  }

  private static Duration durationOf(byte[] audio, SpeechFormat format) {
    try {
      return AudioClip.decode(audio, format.wireName(), AudioClip.SAMPLE_RATE).length();
    } catch (InvalidAudioException e) {
      throw new VoiceUnavailableException(
          "OpenAI speech API answered audio that is not " + format.wireName() + ": " + e, e);
    }
  }
}
