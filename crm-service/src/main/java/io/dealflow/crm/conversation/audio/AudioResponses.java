package io.dealflow.crm.conversation.audio;

import io.dealflow.crm.jsonapi.Document;
import io.dealflow.crm.jsonapi.Relationship;
import io.dealflow.crm.jsonapi.Resource;
import io.dealflow.platform.error.ApiException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The answers of the upload and download endpoints, shared by conversations and assistants. */
public final class AudioResponses {

  private AudioResponses() {}

  /** 201 with the stored file as a JSON:API document and {@code Location} at its bytes. */
  public static ResponseEntity<Document> created(
      AudioOwner owner, StoredAudio audio, String url, Clock clock) {
    Resource resource =
        Resource.of(audio.id(), owner.type(), AudioAttributes.of(audio, url))
            .with(
                owner == AudioOwner.CONVERSATION ? "conversation" : "assistant",
                Relationship.toOne(
                    owner == AudioOwner.CONVERSATION ? "conversation" : "assistant",
                    audio.ownerId()));
    return ResponseEntity.created(URI.create(url)).body(Document.of(resource, clock));
  }

  /**
   * 200 with the bytes, or 404 (in the family's error format) when the owner has no file.
   *
   * @param what names the missing thing in the 404, e.g. {@code Audio}
   */
  public static ResponseEntity<byte[]> content(
      Optional<AudioStore.AudioContent> content, String what) {
    AudioStore.AudioContent found = content.orElseThrow(() -> ApiException.notFound(what));
    StoredAudio audio = found.audio();
    ContentDisposition disposition =
        ContentDisposition.inline()
            .filename(
                audio.filename() != null
                    ? audio.filename()
                    : audio.ownerId() + "." + audio.format().wire())
            .build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(audio.contentType()))
        .contentLength(audio.size())
        .eTag("\"" + audio.sha256() + "\"")
        .cacheControl(CacheControl.noCache().cachePrivate())
        .header("Content-Disposition", disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(found.bytes());
  }
}
