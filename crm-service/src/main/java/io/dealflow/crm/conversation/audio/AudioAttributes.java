package io.dealflow.crm.conversation.audio;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored audio file as the API shows it, also inside its owner's attributes.
 *
 * @param format its format, detected from its content
 * @param contentType its media type
 * @param size its size in bytes
 * @param duration its length in seconds, as stated at upload
 * @param sha256 the hex SHA-256 of its bytes
 * @param filename the name it was uploaded under
 * @param url where its bytes are served
 * @param createdAt when it was uploaded
 */
public record AudioAttributes(
    String format,
    @JsonProperty("content_type") String contentType,
    long size,
    @Nullable Double duration,
    String sha256,
    @Nullable String filename,
    String url,
    @JsonProperty("created_at") Instant createdAt) {

  public static AudioAttributes of(StoredAudio audio, String url) {
    return new AudioAttributes(
        audio.format().wire(),
        audio.contentType(),
        audio.size(),
        audio.duration(),
        audio.sha256(),
        audio.filename(),
        url,
        audio.createdAt());
  }
}
