package io.dealflow.support.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code knowledge_chunks} table: passages with their full-text vector and embedding. */
@Repository
class KnowledgeChunks {

  /** A stored passage as the embedding index holds it. */
  record Vector(UUID chunkId, @Nullable String category, float[] embedding) {}

  /** A passage with its source, for ranking and citing. */
  record Chunk(
      UUID id,
      UUID sourceId,
      String sourceName,
      @Nullable String url,
      @Nullable String category,
      String content) {}

  /** A full-text match: the passage and PostgreSQL's cover-density rank. */
  record TextMatch(UUID chunkId, double rank) {}

  /** The most passages one full-text step ranks. */
  static final int RANKED = 200;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final LexemeFrequencies frequencies;

  KnowledgeChunks(JdbcClient jdbc, JdbcTemplate batch, LexemeFrequencies frequencies) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.frequencies = frequencies;
  }

  void insert(UUID orgId, UUID sourceId, List<String> passages, List<float[]> embeddings) {
    List<Object[]> rows = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i++) {
      rows.add(
          new Object[] {
            UUID.randomUUID(),
            orgId,
            sourceId,
            i,
            passages.get(i),
            SentenceEmbeddings.bytes(embeddings.get(i))
          });
    }
    batch.batchUpdate(
        """
        INSERT INTO knowledge_chunks (id, org_id, source_id, ordinal, content, embedding)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  void deleteOf(UUID orgId, UUID sourceId) {
    jdbc.sql("DELETE FROM knowledge_chunks WHERE org_id = :orgId AND source_id = :sourceId")
        .param("orgId", orgId)
        .param("sourceId", sourceId)
        .update();
  }

  /** Every passage's embedding in the organization, streamed to {@code sink}. */
  void vectors(UUID orgId, Consumer<Vector> sink) {
    jdbc.sql(
            """
            SELECT c.id, s.category, c.embedding
            FROM knowledge_chunks c JOIN knowledge_sources s ON s.id = c.source_id
            WHERE c.org_id = :orgId AND s.org_id = :orgId
            """)
        .param("orgId", orgId)
        .query(
            rs -> {
              sink.accept(
                  new Vector(
                      rs.getObject("id", UUID.class),
                      rs.getString("category"),
                      SentenceEmbeddings.vector(rs.getBytes("embedding"))));
            });
  }

  /**
   * The best full-text matches, found in the steps {@link TextQuery#steps} describes: passages
   * holding all of the question's words (stemmed, stop words dropped by PostgreSQL's {@code
   * english} configuration), then all but one of its rare words, down to any one of them, until
   * {@code limit} are found; within a step by cover density against any of the words. Each step
   * ranks at most {@value #RANKED} passages, so a question of common words costs what a question of
   * rare words does.
   */
  List<TextMatch> fullText(UUID orgId, String question, @Nullable String category, int limit) {
    List<String> lexemes =
        jdbc.sql("SELECT unnest(tsvector_to_array(to_tsvector('english', :question)))")
            .param("question", question)
            .query(String.class)
            .list();
    if (lexemes.isEmpty()) {
      return List.of();
    }
    String any = TextQuery.atLeast(lexemes, 1);
    Map<UUID, TextMatch> found = new LinkedHashMap<>();
    for (String step : TextQuery.steps(lexemes, frequencies.common())) {
      // A step's matches include the earlier steps' (holding more words): ask for enough to fill.
      for (TextMatch match : matching(orgId, step, any, category, limit + found.size())) {
        found.putIfAbsent(match.chunkId(), match);
      }
      if (found.size() >= limit) {
        break;
      }
    }
    return found.values().stream().limit(limit).toList();
  }

  private List<TextMatch> matching(
      UUID orgId, String step, String any, @Nullable String category, int limit) {
    return jdbc.sql(
            """
            SELECT m.id, ts_rank_cd(m.search, CAST(:any AS tsquery), 1) AS rank
            FROM (SELECT c.id, c.search
                  FROM knowledge_chunks c %s
                  WHERE c.org_id = :orgId AND c.search @@ CAST(:step AS tsquery)
                  LIMIT :ranked) m
            ORDER BY rank DESC, m.id
            LIMIT :limit
            """
                .formatted(
                    category == null
                        ? ""
                        : "JOIN knowledge_sources s ON s.id = c.source_id"
                            + " AND s.org_id = :orgId AND s.category = :category"))
        .param("orgId", orgId)
        .param("step", step)
        .param("any", any)
        .param("category", category)
        .param("ranked", Math.max(RANKED, limit))
        .param("limit", limit)
        .query((rs, row) -> new TextMatch(rs.getObject("id", UUID.class), rs.getDouble("rank")))
        .list();
  }

  List<Chunk> find(UUID orgId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT c.id, c.source_id, s.name, s.url, s.category, c.content
            FROM knowledge_chunks c JOIN knowledge_sources s ON s.id = c.source_id
            WHERE c.org_id = :orgId AND s.org_id = :orgId AND c.id IN (:ids)
            """)
        .param("orgId", orgId)
        .param("ids", new ArrayList<>(ids))
        .query(
            (rs, row) ->
                new Chunk(
                    rs.getObject("id", UUID.class),
                    rs.getObject("source_id", UUID.class),
                    rs.getString("name"),
                    rs.getString("url"),
                    rs.getString("category"),
                    rs.getString("content")))
        .list();
  }
}
