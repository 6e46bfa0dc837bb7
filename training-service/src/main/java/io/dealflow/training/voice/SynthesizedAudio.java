package io.dealflow.training.voice;

import io.dealflow.training.speech.SpeechFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Synthesized speech kept for its {@code audio_url} until it expires. */
public record SynthesizedAudio(
    UUID id,
    UUID orgId,
    UUID userId,
    SpeechFormat format,
    Duration duration,
    byte[] bytes,
    Instant createdAt,
    Instant expiresAt) {}
