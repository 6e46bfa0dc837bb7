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
 * Writes and reads an organization's knowledge sources. A source of at most {@value #INDEX_AT_ONCE}
 * passages is cut and embedded before the transaction that stores it opens, so it is searchable
 * when the call returns ({@code ready}); a larger one is stored as {@code indexing} and indexed in
 * the background ({@link KnowledgeIndexer}), its earlier passages (on a revision) staying
 * searchable until the new ones replace them. A source, its passages and the organization's
 * knowledge revision change together, so search sees all of a change or none.
 */
@Service
public class KnowledgeManagement {

  /** The most passages a source may have to be indexed within the request. */
  static final int INDEX_AT_ONCE = 50;

  private static final Logger log = LoggerFactory.getLogger(KnowledgeManagement.class);

  private final KnowledgeSources sources;
  private final KnowledgeChunks chunks;
  private final SentenceEmbeddings embeddings;
  private final KnowledgeIndexer indexer;
  private final TransactionTemplate transaction;
  private final Clock clock;

  KnowledgeManagement(
      KnowledgeSources sources,
      KnowledgeChunks chunks,
      SentenceEmbeddings embeddings,
      KnowledgeIndexer indexer,
      TransactionTemplate transaction,
      Clock clock) {
    this.sources = sources;
    this.chunks = chunks;
    this.embeddings = embeddings;
    this.indexer = indexer;
    this.transaction = transaction;
    this.clock = clock;
  }

  public KnowledgeSource add(UUID orgId, UUID userId, SourceDraft draft) {
    List<String> passages = passages(draft.content());
    boolean now = passages.size() <= INDEX_AT_ONCE;
    List<float[]> vectors = now ? embeddings.embedPassages(draft.name(), passages) : List.of();
    Instant at = clock.instant();
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
            passages.size(),
            now ? KnowledgeSource.READY : KnowledgeSource.INDEXING,
            null,
            userId,
            at,
            at);
    transaction.executeWithoutResult(
        status -> {
          sources.insert(source);
          if (now) {
            chunks.insert(orgId, source.id(), passages, vectors);
            sources.bumpRevision(orgId);
          }
        });
    log.info(
        "Knowledge source {} added to organization {}: {} passages, {} characters, {}",
        source.id(),
        orgId,
        source.chunkCount(),
        source.content().length(),
        source.status());
    if (!now) {
      indexer.wake();
    }
    return source;
  }

  /** Replaces a source's name, type, text and metadata; its file, if any, stays as uploaded. */
  public KnowledgeSource revise(UUID orgId, UUID sourceId, SourceDraft draft) {
    find(orgId, sourceId);
    List<String> passages = passages(draft.content());
    boolean now = passages.size() <= INDEX_AT_ONCE;
    List<float[]> vectors = now ? embeddings.embedPassages(draft.name(), passages) : List.of();
    KnowledgeSource revised =
        transaction.execute(
            status -> {
              KnowledgeSource current =
                  sources.findForUpdate(orgId, sourceId).orElseThrow(KnowledgeManagement::notFound);
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
                      passages.size(),
                      now ? KnowledgeSource.READY : KnowledgeSource.INDEXING,
                      null,
                      current.createdBy(),
                      current.createdAt(),
                      clock.instant());
              sources.update(next);
              if (now) {
                chunks.deleteOf(orgId, sourceId);
                chunks.insert(orgId, sourceId, passages, vectors);
              }
              sources.bumpRevision(orgId);
              return next;
            });
    log.info("Knowledge source {} of organization {} revised", sourceId, orgId);
    if (!now) {
      indexer.wake();
    }
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

  private static List<String> passages(String content) {
    List<String> passages = Chunker.chunks(content);
    if (passages.isEmpty()) {
      throw ApiException.invalid("content", "blank", "must contain text");
    }
    return passages;
  }

  private static ApiException notFound() {
    return ApiException.notFound("Knowledge source");
  }
}
