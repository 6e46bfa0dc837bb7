package io.dealflow.training.speech;

/**
 * Synthesis when it is switched off ({@code tts: none}): the bean exists, but every use answers
 * {@link VoiceUnavailableException}.
 */
final class UnavailableTextToSpeech implements TextToSpeech {

  private final String reason;

  UnavailableTextToSpeech(String reason) {
    this.reason = reason;
  }

  @Override
  public Speech synthesize(String text, String voiceId, double speed, SpeechFormat format) {
    throw new VoiceUnavailableException(reason);
  }

  @Override
  public String engine() {
    return "none";
  }
}
