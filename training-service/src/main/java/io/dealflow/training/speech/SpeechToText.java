package io.dealflow.training.speech;

/**
 * Hears the rep: whole clips at once, or a call's audio as it streams in.
 *
 * <p>Both methods throw {@link VoiceUnavailableException} when the engine cannot serve.
 */
public interface SpeechToText {

  /** Recognizes a whole clip. */
  Transcript transcribe(AudioClip clip);

  /**
   * Starts recognizing one call's audio, arriving as {@code spec} says. Close the result when the
   * call ends.
   */
  Transcription open(AudioSpec spec);

  /** The engine's name, for logs and the session record: {@code vosk}, {@code openai}, ... */
  String engine();
}
