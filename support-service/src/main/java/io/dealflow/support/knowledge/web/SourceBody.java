package io.dealflow.support.knowledge.web;

import io.dealflow.support.knowledge.KnowledgeSource;
import io.dealflow.support.knowledge.KnowledgeSource.UploadedFile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A knowledge source on the wire; the text itself only when one source is asked for. {@code status}
 * {@code indexing} means its passages are not searchable yet.
 */
@Schema(name = "KnowledgeSource")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SourceBody(
    UUID id,
    UUID sourceId,
    String name,
    String type,
    @Nullable String category,
    @Nullable String url,
    Map<String, Object> metadata,
    @Nullable String content,
    int contentLength,
    int chunkCount,
    String status,
    @Nullable String failure,
    @Nullable String fileName,
    @Nullable String mediaType,
    @Nullable Long size,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt) {

  static SourceBody of(KnowledgeSource source, boolean withContent) {
    UploadedFile file = source.file();
    return new SourceBody(
        source.id(),
        source.id(),
        source.name(),
        source.type(),
        source.category(),
        source.url(),
        source.metadata(),
        withContent ? source.content() : null,
        source.content().length(),
        source.chunkCount(),
        source.status(),
        source.failure(),
        file == null ? null : file.name(),
        file == null ? null : file.mediaType(),
        file == null ? null : file.sizeBytes(),
        source.createdBy(),
        source.createdAt(),
        source.updatedAt());
  }
}
