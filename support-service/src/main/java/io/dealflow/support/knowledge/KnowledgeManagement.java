package io.dealflow.support.knowledge;

import io.dealflow.platform.error.ApiException;
import io.dealflow.support.knowledge.KnowledgeSource.UploadedFile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and reads an organization's knowledge sources. A source is cut into passages and each
 * passage embedded before the transaction that stores them opens; the source, its passages and the
 * organization's knowledge revision change together, so search sees all of a change or none.
 */
@Service
public class KnowledgeManagement {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeManagement.class);

  private final KnowledgeSources sources;
  private final KnowledgeChunks chunks;
  private final SentenceEmbeddings embeddings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  KnowledgeManagement(
      KnowledgeSources sources,
      KnowledgeChunks chunks,
      SentenceEmbeddings embeddings,
      TransactionTemplate transaction,
      Clock clock) {
    this.sources = sources;
    this.chunks = chunks;
    this.embeddings = embeddings;
    this.transaction = transaction;
    this.clock = clock;
  }

  public KnowledgeSource add(UUID orgId, UUID userId, SourceDraft draft) {
    Indexed indexed = index(draft);
    Instant now = clock.instant();
    KnowledgeSource source =
        new KnowledgeSource(
            UUID.randomUUID(),
            orgId,
            draft.name(),
            draft.type(),
            draft.category(),
            draft.url(),
            draft.metadata(),
            draft.content(),
            draft.file(),
            indexed.passages().size(),
            userId,
            now,
            now);
    transaction.executeWithoutResult(
        status -> {
          sources.insert(source);
          chunks.insert(orgId, source.id(), indexed.passages(), indexed.vectors());
          sources.bumpRevision(orgId);
        });
    log.info(
        "Knowledge source {} added to organization {}: {} passages, {} characters",
        source.id(),
        orgId,
        source.chunkCount(),
        source.content().length());
    return source;
  }

  /** Replaces a source's name, type, text and metadata; its file, if any, stays as uploaded. */
  public KnowledgeSource revise(UUID orgId, UUID sourceId, SourceDraft draft) {
    find(orgId, sourceId);
    Indexed indexed = index(draft);
    KnowledgeSource revised =
        transaction.execute(
            status -> {
              KnowledgeSource current =
                  sources.findForUpdate(orgId, sourceId).orElseThrow(() -> notFound());
              UploadedFile file = current.file();
              KnowledgeSource next =
                  new KnowledgeSource(
                      current.id(),
                      orgId,
                      draft.name(),
                      draft.type(),
                      draft.category(),
                      draft.url(),
                      draft.metadata(),
                      draft.content(),
                      file,
                      indexed.passages().size(),
                      current.createdBy(),
                      current.createdAt(),
                      clock.instant());
              sources.update(next);
              chunks.deleteOf(orgId, sourceId);
              chunks.insert(orgId, sourceId, indexed.passages(), indexed.vectors());
              sources.bumpRevision(orgId);
              return next;
            });
    log.info("Knowledge source {} of organization {} revised", sourceId, orgId);
    return revised;
  }

  public void remove(UUID orgId, UUID sourceId) {
    Boolean removed =
        transaction.execute(
            status -> {
              boolean deleted = sources.delete(orgId, sourceId);
              if (deleted) {
                sources.bumpRevision(orgId);
              }
              return deleted;
            });
    if (!Boolean.TRUE.equals(removed)) {
      throw notFound();
    }
    log.info("Knowledge source {} of organization {} removed", sourceId, orgId);
  }

  public KnowledgeSource find(UUID orgId, UUID sourceId) {
    return sources.find(orgId, sourceId).orElseThrow(KnowledgeManagement::notFound);
  }

  public List<KnowledgeSource> list(
      UUID orgId, @Nullable String category, @Nullable String search, int offset, int limit) {
    return sources.list(orgId, category, search, offset, limit);
  }

  public long count(UUID orgId, @Nullable String category, @Nullable String search) {
    return sources.count(orgId, category, search);
  }

  private Indexed index(SourceDraft draft) {
    List<String> passages = Chunker.chunks(draft.content());
    if (passages.isEmpty()) {
      throw ApiException.invalid("content", "blank", "must contain text");
    }
    List<float[]> vectors =
        embeddings.embedAll(passages.stream().map(p -> draft.name() + ". " + p).toList());
    return new Indexed(passages, vectors);
  }

  private static ApiException notFound() {
    return ApiException.notFound("Knowledge source");
  }

  private record Indexed(List<String> passages, List<float[]> vectors) {}
}
