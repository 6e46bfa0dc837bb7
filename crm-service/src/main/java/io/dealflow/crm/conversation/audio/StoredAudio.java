package io.dealflow.crm.conversation.audio;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a stored audio file, without its bytes.
 *
 * @param id the file's id
 * @param ownerId the conversation or assistant it belongs to
 * @param format its format, as detected from its content
 * @param contentType its media type
 * @param size its size in bytes
 * @param sha256 the hex SHA-256 of its bytes
 * @param duration its length in seconds, as the client stated it
 * @param filename the name the client uploaded it under
 * @param createdAt when it was uploaded
 */
public record StoredAudio(
    UUID id,
    UUID ownerId,
    AudioFormat format,
    String contentType,
    long size,
    String sha256,
    @Nullable Double duration,
    @Nullable String filename,
    Instant createdAt) {}
