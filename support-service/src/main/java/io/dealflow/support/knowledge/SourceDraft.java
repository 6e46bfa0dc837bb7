package io.dealflow.support.knowledge;

import io.dealflow.support.knowledge.KnowledgeSource.UploadedFile;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a client gives for a new or revised knowledge source (validated by the web layer). */
public record SourceDraft(
    String name,
    String type,
    String content,
    @Nullable String category,
    @Nullable String url,
    Map<String, Object> metadata,
    @Nullable UploadedFile file) {

  public SourceDraft {
    metadata = Map.copyOf(metadata);
  }
}
