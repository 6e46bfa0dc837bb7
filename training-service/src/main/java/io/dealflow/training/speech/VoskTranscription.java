package io.dealflow.training.speech;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.vosk.Recognizer;

/** One call heard by Vosk: one recognizer, fed only the utterances' audio. */
final class VoskTranscription extends SegmentedTranscription {

  private final Recognizer recognizer;
  private final VoskResults results = new VoskResults();

  VoskTranscription(AudioSpec spec, SpeechSettings settings, Clock clock, Recognizer recognizer) {
    super(spec, settings, clock);
    this.recognizer = recognizer;
  }

  @Override
  protected void hear(byte[] frame) {
    if (recognizer.acceptWaveForm(frame, frame.length)) {
      results.add(recognizer.getResult());
    }
  }

  @Override
  protected @Nullable String partial() {
    return results.withPartial(recognizer.getPartialResult());
  }

  @Override
  protected Recognized finish() {
    results.add(recognizer.getFinalResult());
    Recognized recognized = new Recognized(results.text(), results.confidence());
    results.clear();
    recognizer.reset();
    return recognized;
  }

  @Override
  protected void release() {
    recognizer.close();
  }
}
