package io.dealflow.support.knowledge;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One source of an organization's knowledge: a written text or an uploaded file's text.
 *
 * @param type {@code document}, {@code faq}, {@code policy}, {@code article}, {@code webpage} or
 *     {@code file} (uploaded)
 * @param category from {@code metadata.category} or the upload's {@code category}; search filters
 *     on it
 * @param url where the source can be read, from {@code metadata.url}; cited with it
 * @param metadata the client's metadata as given
 * @param file the uploaded file it was read from, if it was
 * @param chunkCount how many passages it was cut into
 * @param status {@code ready} once its passages are searchable; {@code indexing} while a large
 *     source is cut and embedded in the background; {@code failed} when that failed
 * @param failure why indexing failed, when it did
 */
public record KnowledgeSource(
    UUID id,
    UUID orgId,
    String name,
    String type,
    @Nullable String category,
    @Nullable String url,
    Map<String, Object> metadata,
    String content,
    @Nullable UploadedFile file,
    int chunkCount,
    String status,
    @Nullable String failure,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public KnowledgeSource {
    metadata = Map.copyOf(metadata);
  }

  public static final String READY = "ready";
  public static final String INDEXING = "indexing";
  public static final String FAILED = "failed";

  /** The file a source was read from: its name as uploaded, its detected type and its size. */
  public record UploadedFile(String name, String mediaType, long sizeBytes) {}
}
