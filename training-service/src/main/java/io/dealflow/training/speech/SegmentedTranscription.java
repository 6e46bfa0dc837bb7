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
 * says what was in it. A chunk's speech reaches the engine in one piece (one native call, not one
 * per 20 ms frame), and the words so far are asked for every {@value #PARTIAL_EVERY} chunks of an
 * utterance: both keep the CPU per call low when many calls stream at once.
 */
abstract class SegmentedTranscription implements Transcription {

  /** What an engine recognized in one utterance. */
  protected record Recognized(String text, double confidence) {}

  private final ChunkDecoder input;
  private final UtteranceDetector detector;
  private final Clock clock;

  /** Partial results are asked for on every this many chunks heard within an utterance. */
  static final int PARTIAL_EVERY = 3;

  private final java.io.ByteArrayOutputStream speech = new java.io.ByteArrayOutputStream();
  private String lastPartial = "";
  private int chunksInUtterance;
  private boolean closed;

  protected SegmentedTranscription(AudioSpec spec, SpeechSettings settings, Clock clock) {
    this.input = new ChunkDecoder(spec);
    this.detector =
        new UtteranceDetector(
            settings.endSilence(), settings.vadThreshold(), settings.maxUtterance());
    this.clock = clock;
  }

  /** Hears the next frames (20 ms each, one or more) of the utterance under way. */
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
    hearPending();
    if (detector.inUtterance() && ++chunksInUtterance % PARTIAL_EVERY == 1) {
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
        SegmentedTranscription.this.speech.writeBytes(frame);
      }

      @Override
      public void ended(Duration speechLength) {
        hearPending();
        utterance(speechLength).ifPresent(events::add);
      }
    };
  }

  private void hearPending() {
    if (speech.size() > 0) {
      hear(speech.toByteArray());
      speech.reset();
    }
  }

  private Optional<SpeechEvent.Utterance> utterance(Duration speechLength) {
    lastPartial = "";
    chunksInUtterance = 0;
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
