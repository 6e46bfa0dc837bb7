package io.dealflow.training.speech;

/** Speaks for the prospect. */
public interface TextToSpeech {

  double MIN_SPEED = 0.5;
  double MAX_SPEED = 2.0;

  /**
   * Speaks a text.
   *
   * @param voiceId one of {@link Voices#IDS}
   * @param speed 0.5 (slow) to 2.0 (fast); 1.0 is the voice's own pace
   * @throws IllegalArgumentException for an empty or too long text, an unknown voice or a speed out
   *     of range
   * @throws VoiceUnavailableException when the engine cannot serve
   */
  Speech synthesize(String text, String voiceId, double speed, SpeechFormat format);

  /** The engine's name: {@code freetts}, {@code openai}, ... */
  String engine();

  /** Checks the speed and the voice every engine accepts. */
  static void requireValid(String voiceId, double speed) {
    Voices.require(voiceId);
    if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
      throw new IllegalArgumentException(
          "Speed " + speed + " is out of range: use " + MIN_SPEED + " to " + MAX_SPEED);
    }
  }
}
