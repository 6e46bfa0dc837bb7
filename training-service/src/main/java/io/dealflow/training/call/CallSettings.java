package io.dealflow.training.call;

import java.time.Duration;

/** The call socket's fixed limits, documented in the README. */
final class CallSettings {

  /** A socket that has not sent {@code config} by then is closed with 4400. */
  static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(15);

  /** A socket silent for this long is closed; the session stays open for a reconnect. */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** The largest audio chunk, decoded: 8 s of 16 kHz 16-bit mono PCM. */
  static final int MAX_CHUNK_BYTES = 256 * 1024;

  /** The longest typed turn, in characters. */
  static final int MAX_TEXT = 2000;

  /** An open session with no activity for this long is ended (scored if anything was said). */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

  private CallSettings() {}
}
