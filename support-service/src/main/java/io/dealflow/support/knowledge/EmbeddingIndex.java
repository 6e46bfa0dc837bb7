package io.dealflow.support.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The organizations' passage embeddings, held in memory and ranked exactly (a dot product per
 * passage: 50,000 passages take a few milliseconds). An organization's vectors are loaded from
 * PostgreSQL on first use and again whenever its knowledge revision, bumped in the transaction of
 * every change, differs from the one they were loaded at; so every instance answers from the
 * committed knowledge. The {@value #ORGANIZATIONS} most recently searched organizations are kept.
 */
@Component
class EmbeddingIndex {

  static final int ORGANIZATIONS = 64;

  /** A passage and its cosine similarity to the question. */
  record Scored(UUID chunkId, double cosine) {}

  private static final Logger log = LoggerFactory.getLogger(EmbeddingIndex.class);

  private final KnowledgeSources sources;
  private final KnowledgeChunks chunks;
  private final Map<UUID, Vectors> byOrg =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Vectors> eldest) {
              return size() > ORGANIZATIONS;
            }
          });

  EmbeddingIndex(KnowledgeSources sources, KnowledgeChunks chunks) {
    this.sources = sources;
    this.chunks = chunks;
  }

  /** The {@code limit} passages nearest the question, best first. */
  List<Scored> nearest(UUID orgId, float[] question, @Nullable String category, int limit) {
    Vectors vectors = current(orgId);
    PriorityQueue<Scored> best =
        new PriorityQueue<>(limit + 1, (a, b) -> Double.compare(a.cosine(), b.cosine()));
    for (int i = 0; i < vectors.ids.length; i++) {
      if (category != null && !category.equals(vectors.categories[i])) {
        continue;
      }
      double cosine = vectors.cosine(i, question);
      if (best.size() < limit) {
        best.add(new Scored(vectors.ids[i], cosine));
      } else if (cosine > best.peek().cosine()) {
        best.poll();
        best.add(new Scored(vectors.ids[i], cosine));
      }
    }
    List<Scored> ranked = new ArrayList<>(best);
    ranked.sort((a, b) -> Double.compare(b.cosine(), a.cosine()));
    return ranked;
  }

  /** The cosine similarity of each of the given passages to the question. */
  Map<UUID, Double> cosines(UUID orgId, float[] question, Collection<UUID> chunkIds) {
    Vectors vectors = current(orgId);
    Map<UUID, Double> cosines = new HashMap<>();
    for (UUID id : chunkIds) {
      Integer at = vectors.positions.get(id);
      if (at != null) {
        cosines.put(id, vectors.cosine(at, question));
      }
    }
    return cosines;
  }

  private Vectors current(UUID orgId) {
    long revision = sources.revision(orgId);
    Vectors cached = byOrg.get(orgId);
    if (cached != null && cached.revision == revision) {
      return cached;
    }
    long started = System.nanoTime();
    List<KnowledgeChunks.Vector> loaded = new ArrayList<>();
    chunks.vectors(orgId, loaded::add);
    Vectors vectors = new Vectors(revision, loaded);
    byOrg.put(orgId, vectors);
    log.debug(
        "Loaded {} passage embeddings of organization {} (revision {}) in {} ms",
        loaded.size(),
        orgId,
        revision,
        (System.nanoTime() - started) / 1_000_000);
    return vectors;
  }

  /** One organization's vectors, flat for a fast scan. */
  private static final class Vectors {
    final long revision;
    final UUID[] ids;
    final @Nullable String[] categories;
    final float[] flat;
    final Map<UUID, Integer> positions;

    Vectors(long revision, List<KnowledgeChunks.Vector> loaded) {
      this.revision = revision;
      int n = loaded.size();
      this.ids = new UUID[n];
      this.categories = new String[n];
      this.flat = new float[n * SentenceEmbeddings.DIMENSIONS];
      this.positions = HashMap.newHashMap(n);
      for (int i = 0; i < n; i++) {
        KnowledgeChunks.Vector vector = loaded.get(i);
        ids[i] = vector.chunkId();
        categories[i] = vector.category();
        positions.put(vector.chunkId(), i);
        System.arraycopy(
            vector.embedding(),
            0,
            flat,
            i * SentenceEmbeddings.DIMENSIONS,
            SentenceEmbeddings.DIMENSIONS);
      }
    }

    double cosine(int i, float[] question) {
      int offset = i * SentenceEmbeddings.DIMENSIONS;
      float dot = 0;
      for (int d = 0; d < SentenceEmbeddings.DIMENSIONS; d++) {
        dot += flat[offset + d] * question[d];
      }
      return dot;
    }
  }
}
