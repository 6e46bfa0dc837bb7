package io.dealflow.support.knowledge;

import io.dealflow.support.knowledge.KnowledgeSources.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes large knowledge sources in the background: claims one {@code indexing} source at a time
 * for a lease of {@value #LEASE_MINUTES} minutes (so two instances never index the same one, and
 * one that an instance stopped indexing is indexed again when its lease ends), cuts and embeds it
 * outside any transaction, then stores its passages, marks it {@code ready} and bumps the
 * organization's knowledge revision in one transaction — unless the source was revised or removed
 * meanwhile, in which case the work is dropped and the newer version is indexed. Woken when a large
 * source is written, and every few seconds.
 */
@Component
class KnowledgeIndexer {

  static final int LEASE_MINUTES = 10;

  private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexer.class);

  private final KnowledgeSources sources;
  private final KnowledgeChunks chunks;
  private final SentenceEmbeddings embeddings;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();

  KnowledgeIndexer(
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

  /** Starts indexing now, on a virtual thread, unless this instance is indexing already. */
  void wake() {
    Thread.ofVirtual().name("knowledge-indexer").start(this::indexWaiting);
  }

  @Scheduled(fixedDelayString = "${dealflow.support.knowledge.index-interval:5s}")
  void indexWaiting() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      Optional<Claim> claim;
      while ((claim = claim()).isPresent()) {
        index(claim.get());
      }
    } catch (RuntimeException e) {
      log.warn("Knowledge indexing stopped and will resume: {}", e.toString());
    } finally {
      running.set(false);
    }
  }

  private Optional<Claim> claim() {
    Instant now = clock.instant();
    return transaction.execute(
        status -> sources.claimIndexing(now, now.plus(Duration.ofMinutes(LEASE_MINUTES))));
  }

  private void index(Claim claim) {
    long started = System.nanoTime();
    Optional<KnowledgeSource> found = sources.find(claim.orgId(), claim.sourceId());
    if (found.isEmpty()) {
      return;
    }
    KnowledgeSource source = found.get();
    List<String> passages = Chunker.chunks(source.content());
    List<float[]> vectors;
    try {
      vectors = embeddings.embedPassages(source.name(), passages);
    } catch (RuntimeException e) {
      log.error("Knowledge source {} could not be indexed: {}", source.id(), e.toString());
      transaction.executeWithoutResult(
          status ->
              sources.indexed(
                  claim.orgId(), claim.sourceId(), KnowledgeSource.FAILED, 0, e.getMessage()));
      return;
    }
    Boolean stored =
        transaction.execute(
            status -> {
              Optional<KnowledgeSource> current =
                  sources.findForUpdate(claim.orgId(), claim.sourceId());
              if (current.isEmpty()
                  || !current.get().updatedAt().equals(claim.version())
                  || !current.get().status().equals(KnowledgeSource.INDEXING)) {
                return false;
              }
              chunks.deleteOf(claim.orgId(), claim.sourceId());
              chunks.insert(claim.orgId(), claim.sourceId(), passages, vectors);
              sources.indexed(
                  claim.orgId(), claim.sourceId(), KnowledgeSource.READY, passages.size(), null);
              sources.bumpRevision(claim.orgId());
              return true;
            });
    log.info(
        "Knowledge source {} of organization {}: {} passages {} in {} ms",
        claim.sourceId(),
        claim.orgId(),
        passages.size(),
        Boolean.TRUE.equals(stored) ? "indexed" : "dropped (changed while indexing)",
        (System.nanoTime() - started) / 1_000_000);
  }
}
