package io.dealflow.training.speech;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part of a {@link Transcription} every engine shares: decoding chunks, and cutting them into
 * utterances with the {@link UtteranceDetector}. An engine only hears the utterances' audio and
 * says what was in it.
 */
abstract class SegmentedTranscription implements Transcription {

  /** What an engine recognized in one utterance. */
  protected record Recognized(String text, double confidence) {}

  private final ChunkDecoder input;
  private final UtteranceDetector detector;
  private final Clock clock;
  private String lastPartial = "";
  private boolean closed;

  protected SegmentedTranscription(AudioSpec spec, SpeechSettings settings, Clock clock) {
    this.input = new ChunkDecoder(spec);
    this.detector =
        new UtteranceDetector(
            settings.endSilence(), settings.vadThreshold(), settings.maxUtterance());
    this.clock = clock;
  }

  /** Hears the next 20 ms frame of the utterance under way. */
  protected abstract void hear(byte[] frame);

  /** The words of the utterance so far, or null when the engine cannot tell before its end. */
  protected abstract @Nullable String partial();

  /** The utterance ended: what was in it; the engine then starts afresh. */
  protected abstract Recognized finish();

  /** Frees the engine's resources. */
  protected abstract void release();

  @Override
  public final synchronized List<SpeechEvent> accept(byte[] chunk) {
    requireOpen();
    List<SpeechEvent> events = new ArrayList<>();
    detector.push(input.decode(chunk), listener(events));
    if (detector.inUtterance()) {
      String partial = partial();
      if (partial != null && !partial.isBlank() && !partial.equals(lastPartial)) {
        lastPartial = partial;
        events.add(new SpeechEvent.Partial(partial));
      }
    }
    return events;
  }

  @Override
  public final synchronized Optional<SpeechEvent.Utterance> flush() {
    requireOpen();
    return detector.flush(listener(new ArrayList<>())).flatMap(this::utterance);
  }

  @Override
  public final synchronized void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  private UtteranceDetector.Listener listener(List<SpeechEvent> events) {
    return new UtteranceDetector.Listener() {
      @Override
      public void speech(byte[] frame) {
        hear(frame);
      }

      @Override
      public void ended(Duration speechLength) {
        utterance(speechLength).ifPresent(events::add);
      }
    };
  }

  private Optional<SpeechEvent.Utterance> utterance(Duration speechLength) {
    lastPartial = "";
    Recognized recognized = finish();
    // Noise loud enough to open an utterance but holding no words is not something the rep said.
    if (recognized.text().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new SpeechEvent.Utterance(
            recognized.text(), recognized.confidence(), speechLength, clock.instant()));
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("This transcription is closed");
    }
  }
}
