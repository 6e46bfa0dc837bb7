package io.dealflow.training.call;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The call socket's limits ({@code dealflow.training.call.*}), documented in the README.
 *
 * @param configTimeout a socket that has not sent {@code config} by then is closed with 4400
 * @param idleTimeout a socket silent this long is closed; the session stays open for a reconnect
 */
@ConfigurationProperties("dealflow.training.call")
record CallSettings(
    @DefaultValue("15s") Duration configTimeout, @DefaultValue("5m") Duration idleTimeout) {

  /** The largest audio chunk, decoded: 8 s of 16 kHz 16-bit mono PCM. */
  static final int MAX_CHUNK_BYTES = 256 * 1024;

  /** The longest typed turn, in characters. */
  static final int MAX_TEXT = 2000;
}
