package io.dealflow.support.knowledge;

import io.dealflow.support.knowledge.EmbeddingIndex.Scored;
import io.dealflow.support.knowledge.KnowledgeChunks.Chunk;
import io.dealflow.support.knowledge.KnowledgeChunks.TextMatch;
import io.dealflow.support.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Hybrid search over an organization's passages.
 *
 * <ol>
 *   <li>Candidates: the {@value #CANDIDATES} best full-text matches (PostgreSQL: passages with the
 *       most of the question's stemmed words first, then by cover density; {@link
 *       KnowledgeChunks#fullText}), looked up while the question is embedded, and the {@value
 *       #CANDIDATES} nearest embeddings, fused by reciprocal rank ({@code 1 / (60 + rank)} summed
 *       over both lists); the best {@value #RERANKED} go on.
 *   <li>Re-ranking: each candidate's confidence is {@code 0.75 × cosine + 0.25 × coverage}, where
 *       cosine is the similarity of the passage's and the question's embeddings and coverage the
 *       share of the question's terms ({@link Terms}) the passage contains, clamped to 0-1.
 * </ol>
 *
 * The single-index modes rank by their own index alone (full text by cover density, embeddings by
 * cosine) and report that index's own measure as the confidence (coverage, cosine): they exist to
 * measure what the fusion adds.
 */
@Service
public class KnowledgeSearch {

  static final int CANDIDATES = 40;
  static final int RERANKED = 20;
  private static final int RRF_K = 60;
  private static final double SEMANTIC_WEIGHT = 0.75;
  private static final ExecutorService LOOKUPS = Executors.newVirtualThreadPerTaskExecutor();

  private final SentenceEmbeddings embeddings;
  private final EmbeddingIndex index;
  private final KnowledgeChunks chunks;

  KnowledgeSearch(SentenceEmbeddings embeddings, EmbeddingIndex index, KnowledgeChunks chunks) {
    this.embeddings = embeddings;
    this.index = index;
    this.chunks = chunks;
  }

  /**
   * The passages that best answer the question, best first, none below {@code minConfidence}.
   *
   * @param category only sources of this category, when given
   */
  public List<Passage> search(
      UUID orgId,
      String question,
      @Nullable String category,
      int limit,
      double minConfidence,
      SearchMode mode) {
    List<String> terms = Terms.of(question);
    // PostgreSQL finds the full-text candidates while this thread embeds the question.
    Future<List<UUID>> textual =
        mode == SearchMode.EMBEDDINGS
            ? CompletableFuture.completedFuture(List.of())
            : LOOKUPS.submit(
                () ->
                    chunks.fullText(orgId, question, category, CANDIDATES).stream()
                        .map(TextMatch::chunkId)
                        .toList());
    float[] vector = embeddings.embed(question);
    List<UUID> candidates = candidates(orgId, vector, category, mode, result(textual));
    if (candidates.isEmpty()) {
      return List.of();
    }
    Map<UUID, Double> cosines = index.cosines(orgId, vector, candidates);
    Map<UUID, Integer> order = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      order.put(candidates.get(i), i);
    }
    List<Passage> passages = new ArrayList<>();
    for (Chunk chunk : chunks.find(orgId, candidates)) {
      double semantic = Math.max(0, cosines.getOrDefault(chunk.id(), 0.0));
      double lexical = Terms.coverage(terms, chunk.sourceName() + " " + chunk.content());
      double confidence =
          switch (mode) {
            case HYBRID -> SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * lexical;
            case FULL_TEXT -> lexical;
            case EMBEDDINGS -> semantic;
          };
      passages.add(
          new Passage(
              chunk.id(),
              chunk.sourceId(),
              chunk.sourceName(),
              chunk.url(),
              chunk.category(),
              chunk.content(),
              round(Math.min(1, confidence)),
              round(semantic),
              round(lexical)));
    }
    Comparator<Passage> ranking =
        mode == SearchMode.HYBRID
            ? Comparator.comparingDouble(Passage::confidence).reversed()
            : Comparator.comparingInt(passage -> order.get(passage.chunkId()));
    return passages.stream()
        .sorted(ranking.thenComparing(Passage::chunkId))
        .filter(passage -> passage.confidence() >= minConfidence)
        .limit(limit)
        .toList();
  }

  private List<UUID> candidates(
      UUID orgId, float[] vector, @Nullable String category, SearchMode mode, List<UUID> textual) {
    List<UUID> semantic =
        mode == SearchMode.FULL_TEXT
            ? List.of()
            : index.nearest(orgId, vector, category, CANDIDATES).stream()
                .map(Scored::chunkId)
                .toList();
    if (mode != SearchMode.HYBRID) {
      return (mode == SearchMode.FULL_TEXT ? textual : semantic).stream().limit(RERANKED).toList();
    }
    Map<UUID, Double> fused = new LinkedHashMap<>();
    for (List<UUID> ranking : List.of(textual, semantic)) {
      for (int rank = 0; rank < ranking.size(); rank++) {
        fused.merge(ranking.get(rank), 1.0 / (RRF_K + rank + 1), Double::sum);
      }
    }
    return fused.entrySet().stream()
        .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed())
        .limit(RERANKED)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while searching", e);
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
