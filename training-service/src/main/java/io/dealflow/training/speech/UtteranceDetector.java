package io.dealflow.training.speech;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * An energy-based voice activity detector that cuts 16 kHz audio into utterances. It looks at 20 ms
 * frames: a frame louder than the threshold is speech. The first speech frame starts an utterance
 * (together with a short pre-roll, so a soft first syllable is not cut off); from then on every
 * frame goes to the recognizer, and {@code endSilence} of quiet frames after the last voiced one
 * ends it. An utterance that reaches {@code maxUtterance} is ended there, so one recognizer never
 * holds unbounded audio.
 */
final class UtteranceDetector {

  static final int FRAME_BYTES = AudioClip.SAMPLE_RATE / 50 * 2;
  private static final Duration FRAME = Duration.ofMillis(20);
  private static final int PRE_ROLL_FRAMES = 10;

  /** Receives the audio of utterances and their ends, in order. */
  interface Listener {

    void speech(byte[] frame);

    void ended(Duration speechLength);
  }

  private final int endSilenceFrames;
  private final int maxFrames;
  private final double thresholdDbfs;
  private final ByteArrayOutputStream partialFrame = new ByteArrayOutputStream();
  private final ArrayDeque<byte[]> preRoll = new ArrayDeque<>();
  private boolean inUtterance;
  private int framesSinceStart;
  private int voicedFrames;

  UtteranceDetector(Duration endSilence, double thresholdDbfs, Duration maxUtterance) {
    this.endSilenceFrames = (int) Math.max(1, endSilence.toMillis() / FRAME.toMillis());
    this.maxFrames = (int) Math.max(1, maxUtterance.toMillis() / FRAME.toMillis());
    this.thresholdDbfs = thresholdDbfs;
  }

  boolean inUtterance() {
    return inUtterance;
  }

  void push(byte[] pcm, Listener listener) {
    partialFrame.writeBytes(pcm);
    byte[] pending = partialFrame.toByteArray();
    int whole = pending.length - pending.length % FRAME_BYTES;
    for (int at = 0; at < whole; at += FRAME_BYTES) {
      byte[] frame = new byte[FRAME_BYTES];
      System.arraycopy(pending, at, frame, 0, FRAME_BYTES);
      frame(frame, listener);
    }
    partialFrame.reset();
    partialFrame.write(pending, whole, pending.length - whole);
  }

  /**
   * Ends the utterance under way; its speech length, or empty when there was none. The listener
   * hears a short silence first, as it would have before a natural end: cut-off audio is recognized
   * worse.
   */
  Optional<Duration> flush(Listener listener) {
    preRoll.clear();
    partialFrame.reset();
    if (!inUtterance) {
      return Optional.empty();
    }
    for (int i = 0; i < PRE_ROLL_FRAMES; i++) {
      listener.speech(new byte[FRAME_BYTES]);
    }
    Duration speech = speechLength();
    reset();
    return Optional.of(speech);
  }

  private void frame(byte[] frame, Listener listener) {
    boolean voiced = Pcm.dbfs(frame, 0, frame.length) > thresholdDbfs;
    if (!inUtterance) {
      if (!voiced) {
        preRoll.addLast(frame);
        if (preRoll.size() > PRE_ROLL_FRAMES) {
          preRoll.removeFirst();
        }
        return;
      }
      inUtterance = true;
      // At the very start of a stream there is no quiet to lead in with; recognizers do better
      // with some, so the missing part of the pre-roll is made up with silence.
      for (int missing = PRE_ROLL_FRAMES - preRoll.size(); missing > 0; missing--) {
        listener.speech(new byte[FRAME_BYTES]);
      }
      preRoll.forEach(listener::speech);
      preRoll.clear();
    }
    listener.speech(frame);
    framesSinceStart++;
    if (voiced) {
      voicedFrames = framesSinceStart;
    }
    if (framesSinceStart - voicedFrames >= endSilenceFrames || framesSinceStart >= maxFrames) {
      Duration speech = speechLength();
      reset();
      listener.ended(speech);
    }
  }

  private Duration speechLength() {
    return FRAME.multipliedBy(voicedFrames);
  }

  private void reset() {
    inUtterance = false;
    framesSinceStart = 0;
    voicedFrames = 0;
  }
}
