package io.dealflow.training.speech;

/**
 * Recognition when it is switched off ({@code stt: none}): the bean exists, so the service starts
 * and everything else works, but every use answers {@link VoiceUnavailableException}.
 */
final class UnavailableSpeechToText implements SpeechToText {

  private final String reason;

  UnavailableSpeechToText(String reason) {
    this.reason = reason;
  }

  @Override
  public Transcript transcribe(AudioClip clip) {
    throw new VoiceUnavailableException(reason);
  }

  @Override
  public Transcription open(AudioSpec spec) {
    throw new VoiceUnavailableException(reason);
  }

  @Override
  public String engine() {
    return "none";
  }
}
