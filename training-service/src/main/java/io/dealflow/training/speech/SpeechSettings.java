package io.dealflow.training.speech;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dealflow.training.speech.*}: which engines hear and speak, and how utterances are cut.
 *
 * @param stt the speech-to-text engine: {@code vosk} (offline, the default), {@code openai} or
 *     {@code none} (every call answers "voice unavailable")
 * @param tts the text-to-speech engine: {@code freetts} (offline, the default), {@code openai} or
 *     {@code none}
 * @param warmUp load the engines while the service starts (it is not ready before), so that the
 *     first call does not wait about a second for the Vosk model
 * @param endSilence how long the rep must be quiet after speaking for their utterance to end
 * @param vadThreshold the loudness, in dB relative to full scale, above which a 20 ms frame counts
 *     as speech; -40 dBFS sits above a quiet room's microphone noise and below normal speech
 * @param maxUtterance an utterance this long is ended even without a pause
 * @param poolSize FreeTTS voices kept ready; each synthesizes one reply at a time
 * @param maxTextLength the longest text synthesized at once, in characters
 * @param modelCache the folder under which the Vosk model is copied from the jar once; the system
 *     temporary folder when unset
 * @param openai the OpenAI-compatible API, used by the {@code openai} engines
 */
@Validated
@ConfigurationProperties("dealflow.training.speech")
public record SpeechSettings(
    @DefaultValue("vosk") SttEngine stt,
    @DefaultValue("freetts") TtsEngine tts,
    @DefaultValue("true") boolean warmUp,
    @DefaultValue("600ms") Duration endSilence,
    @DefaultValue("-40") @DecimalMin("-90") @DecimalMax("0") double vadThreshold,
    @DefaultValue("30s") Duration maxUtterance,
    @DefaultValue("2") @Min(1) @Max(16) int poolSize,
    @DefaultValue("1000") @Min(1) int maxTextLength,
    @Nullable Path modelCache,
    @DefaultValue @Valid OpenAi openai) {

  public SpeechSettings {
    if (endSilence.toMillis() < 100 || endSilence.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException(
          "dealflow.training.speech.end-silence must be between 100ms and 10s");
    }
    if (maxUtterance.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "dealflow.training.speech.max-utterance must be at least 1s");
    }
  }

  /** The settings with every default, as a test or a tool without Spring would use them. */
  public static SpeechSettings defaults() {
    return new SpeechSettings(
        SttEngine.VOSK,
        TtsEngine.FREETTS,
        true,
        Duration.ofMillis(600),
        -40,
        Duration.ofSeconds(30),
        2,
        1000,
        null,
        OpenAi.defaults());
  }

  public SpeechSettings withWarmUp(boolean warmUp) {
    return new SpeechSettings(
        stt,
        tts,
        warmUp,
        endSilence,
        vadThreshold,
        maxUtterance,
        poolSize,
        maxTextLength,
        modelCache,
        openai);
  }

  public SpeechSettings withModelCache(Path modelCache) {
    return new SpeechSettings(
        stt,
        tts,
        warmUp,
        endSilence,
        vadThreshold,
        maxUtterance,
        poolSize,
        maxTextLength,
        modelCache,
        openai);
  }

  public SpeechSettings withOpenAi(OpenAi openai) {
    return new SpeechSettings(
        stt,
        tts,
        warmUp,
        endSilence,
        vadThreshold,
        maxUtterance,
        poolSize,
        maxTextLength,
        modelCache,
        openai);
  }

  public enum SttEngine {
    VOSK,
    OPENAI,
    NONE
  }

  public enum TtsEngine {
    FREETTS,
    OPENAI,
    NONE
  }

  /**
   * An OpenAI-compatible speech API.
   *
   * @param baseUrl up to and including {@code /v1}
   * @param apiKey sent as a bearer token; from the environment ({@code
   *     DEALFLOW_TRAINING_SPEECH_OPENAI_API_KEY}, or {@code OPENAI_API_KEY} when that is unset),
   *     never from a file in the repository
   * @param sttModel the transcription model
   * @param ttsModel the speech model
   * @param connectTimeout how long to wait for a connection
   * @param timeout how long to wait for a whole answer
   */
  public record OpenAi(
      @DefaultValue("https://api.openai.com/v1") URI baseUrl,
      @Nullable String apiKey,
      @DefaultValue("whisper-1") @NotBlank String sttModel,
      @DefaultValue("tts-1") @NotBlank String ttsModel,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration timeout) {

    public static OpenAi defaults() {
      return new OpenAi(
          URI.create("https://api.openai.com/v1"),
          null,
          "whisper-1",
          "tts-1",
          Duration.ofSeconds(5),
          Duration.ofSeconds(30));
    }

    public OpenAi at(URI baseUrl, @Nullable String apiKey) {
      return new OpenAi(baseUrl, apiKey, sttModel, ttsModel, connectTimeout, timeout);
    }
  }
}
