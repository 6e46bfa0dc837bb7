package io.dealflow.training.session;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether what reps say is kept as audio ({@code dealflow.training.audio.*}). Off by default, as
 * the seed promises: the call's audio is transcribed and dropped.
 *
 * @param store keep each of the rep's utterances as audio, encrypted
 * @param retention how long a recording is kept
 * @param encryptionKey Base64 of 32 random bytes; required when {@code store} is on (environment:
 *     {@code DEALFLOW_TRAINING_AUDIO_ENCRYPTION_KEY})
 */
@ConfigurationProperties("dealflow.training.audio")
public record AudioSettings(
    @DefaultValue("false") boolean store,
    @DefaultValue("30d") Duration retention,
    @Nullable String encryptionKey) {}
