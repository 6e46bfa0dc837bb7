package io.dealflow.training.speech;

import java.util.List;
import java.util.Optional;

/**
 * Recognition of one call's audio as it streams in. Utterances are cut by silence: after speech, a
 * stretch of quiet frames (the {@code end-silence} setting, 600 ms by default) ends one. Feed it
 * from one thread at a time (the methods are synchronized, so a stray second caller only waits).
 */
public interface Transcription extends AutoCloseable {

  /**
   * Feeds the next chunk of audio, in the format of the {@link AudioSpec} this was opened with.
   *
   * @return what the chunk caused, in order: {@link SpeechEvent.Partial}s while words are
   *     recognized, an {@link SpeechEvent.Utterance} when an utterance ended; often nothing
   * @throws InvalidAudioException when the chunk does not fit the spec
   * @throws VoiceUnavailableException when the engine failed
   */
  List<SpeechEvent> accept(byte[] chunk);

  /** Ends the utterance under way, if any (the rep paused the call or hung up). */
  Optional<SpeechEvent.Utterance> flush();

  /** Releases the recognizer; whatever is pending is dropped. */
  @Override
  void close();
}
