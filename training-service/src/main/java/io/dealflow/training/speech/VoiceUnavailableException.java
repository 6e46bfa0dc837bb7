package io.dealflow.training.speech;

/**
 * A speech engine cannot serve now: it is switched off, its native library or model did not load,
 * or the remote API failed or timed out. The caller answers {@code VOICE_SERVICE_UNAVAILABLE} and
 * lets the client retry.
 */
public class VoiceUnavailableException extends RuntimeException {

  public VoiceUnavailableException(String message) {
    super(message);
  }

  public VoiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
