package io.dealflow.training.speech;

import java.time.Duration;

/**
 * Synthesized speech, ready to send.
 *
 * @param bytes a whole file in {@code format}
 * @param duration how long it plays
 */
public record Speech(byte[] bytes, SpeechFormat format, Duration duration) {}
