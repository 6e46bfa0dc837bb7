package io.dealflow.training.speech;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognition by an OpenAI-compatible API ({@code POST /audio/transcriptions}, a WAV file). The API
 * hears whole files, so a streaming call is cut into utterances by the same silence detector as
 * offline, each utterance is sent when it ends, and there are no partial results.
 *
 * <p>Confidence: when the answer carries token {@code logprobs}, their mean probability; otherwise
 * the API says nothing about it, and non-empty text is reported with confidence 1.
 */
public final class OpenAiSpeechToText implements SpeechToText {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OpenAiAudioApi api;
  private final SpeechSettings settings;
  private final Clock clock;

  public OpenAiSpeechToText(SpeechSettings settings, @Nullable String apiKey, Clock clock) {
    this.api = new OpenAiAudioApi(settings.openai(), apiKey);
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Transcript transcribe(AudioClip clip) {
    String answer = api.transcribe(clip.wav());
    try {
      JsonNode json = JSON.readTree(answer);
      String text = json.path("text").asString("").trim();
      return new Transcript(text, confidence(text, json.path("logprobs")), clip.length());
    } catch (JacksonException e) {
      throw new VoiceUnavailableException("OpenAI transcription answer is not JSON", e);
    }
  }

  @Override
  public Transcription open(AudioSpec spec) {
    return new Buffered(spec);
  }

  @Override
  public String engine() {
    return "openai";
  }

  private static double confidence(String text, JsonNode logprobs) {
    if (text.isEmpty()) {
      return 0;
    }
    if (!logprobs.isArray() || logprobs.isEmpty()) {
      return 1;
    }
    double sum = 0;
    for (JsonNode token : logprobs) {
      sum += Math.exp(token.path("logprob").asDouble(0));
    }
    return sum / logprobs.size();
  }

  /** Keeps each utterance's audio until it ends, then sends it. */
  private final class Buffered extends SegmentedTranscription {

    private final ByteArrayOutputStream utterance = new ByteArrayOutputStream();

    Buffered(AudioSpec spec) {
      super(spec, settings, clock);
    }

    @Override
    protected void hear(byte[] frame) {
      utterance.writeBytes(frame);
    }

    @Override
    protected @Nullable String partial() {
      return null;
    }

    @Override
    protected Recognized finish() {
      AudioClip clip = new AudioClip(utterance.toByteArray());
      utterance.reset();
      Transcript transcript = transcribe(clip);
      return new Recognized(transcript.text(), transcript.confidence());
    }

    @Override
    protected void release() {
      utterance.reset();
    }
  }
}
