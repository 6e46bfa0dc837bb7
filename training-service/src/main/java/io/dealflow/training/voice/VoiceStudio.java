package io.dealflow.training.voice;

import io.dealflow.platform.error.ApiException;
import io.dealflow.training.speech.AudioClip;
import io.dealflow.training.speech.Speech;
import io.dealflow.training.speech.SpeechFormat;
import io.dealflow.training.speech.SpeechToText;
import io.dealflow.training.speech.TextToSpeech;
import io.dealflow.training.speech.Transcript;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Speech on request: a synthesized preview kept for an hour behind its {@code audio_url}, and the
 * transcription of one recorded utterance (the HelloSales {@code voice} message). Speech engine
 * failures surface as {@code VoiceUnavailableException}, bad audio as {@code
 * InvalidAudioException}; the web layer maps them.
 */
@Service
public class VoiceStudio {

  /** How long a preview's audio_url answers. */
  public static final Duration KEPT_FOR = Duration.ofHours(1);

  private final TextToSpeech textToSpeech;
  private final SpeechToText speechToText;
  private final SynthesizedAudios audios;
  private final Clock clock;

  VoiceStudio(
      TextToSpeech textToSpeech, SpeechToText speechToText, SynthesizedAudios audios, Clock clock) {
    this.textToSpeech = textToSpeech;
    this.speechToText = speechToText;
    this.audios = audios;
    this.clock = clock;
  }

  public SynthesizedAudio synthesize(
      UUID orgId, UUID userId, String text, String voiceId, double speed, SpeechFormat format) {
    Speech speech = textToSpeech.synthesize(text, voiceId, speed, format);
    Instant now = clock.instant();
    SynthesizedAudio audio =
        new SynthesizedAudio(
            UUID.randomUUID(),
            orgId,
            userId,
            speech.format(),
            speech.duration(),
            speech.bytes(),
            now,
            now.plus(KEPT_FOR));
    audios.insert(audio);
    return audio;
  }

  /**
   * @throws ApiException 404 once expired, or for another organization's audio
   */
  public SynthesizedAudio audio(UUID orgId, UUID id) {
    return audios
        .find(orgId, id, clock.instant())
        .orElseThrow(() -> ApiException.notFound("Audio"));
  }

  public Transcript transcribe(byte[] audio, String format, int sampleRate) {
    return speechToText.transcribe(AudioClip.decode(audio, format, sampleRate));
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void forgetExpired() {
    audios.deleteExpired(clock.instant());
  }
}
