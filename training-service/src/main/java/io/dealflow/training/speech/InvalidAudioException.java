package io.dealflow.training.speech;

/**
 * Audio that cannot be used: an unknown or unsupported format, garbage, nothing at all, or too much
 * of it. The caller answers {@code INVALID_AUDIO_FORMAT}; the message says what was wrong.
 */
public class InvalidAudioException extends RuntimeException {

  public InvalidAudioException(String message) {
    super(message);
  }

  public InvalidAudioException(String message, Throwable cause) {
    super(message, cause);
  }
}
