package io.dealflow.training.speech;

import java.time.Duration;
import java.time.Instant;

/** What a {@link Transcription} noticed in the audio it was fed. */
public sealed interface SpeechEvent {

  /** The words recognized so far in the utterance under way; they may still change. */
  record Partial(String text) implements SpeechEvent {}

  /**
   * The rep stopped talking: enough silence followed their speech.
   *
   * @param text the words of the whole utterance
   * @param confidence 0 to 1, the mean word confidence
   * @param speechLength audio from the first voiced frame to the last (the silence that ended the
   *     utterance is not counted)
   * @param endedAt when the end was noticed (the clock's time when the audio that completed the
   *     closing silence was fed, or {@link Transcription#flush()} was called)
   */
  record Utterance(String text, double confidence, Duration speechLength, Instant endedAt)
      implements SpeechEvent {}
}
