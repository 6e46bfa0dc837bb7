package io.dealflow.support.knowledge;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stemmed words that appear in a large share of the stored passages, as PostgreSQL's planner
 * statistics know them: {@code pg_stats.most_common_elems} of {@code knowledge_chunks.search},
 * which {@code ANALYZE} (autovacuum's, after every tenth of the table changed) keeps for about a
 * thousand of the most frequent words with the share of passages holding each.
 *
 * <p>A word is common when at least {@value #COMMON} of the passages hold it. The statistics are
 * the table's, across organizations; they decide how full-text search relaxes a question ({@link
 * TextQuery#steps}), not which passages an organization sees. Before the table's first analysis
 * there are none and every word counts as rare, which is the cheap case for a small table. The set
 * is read again at most every {@link #REFRESH}.
 */
@Component
class LexemeFrequencies {

  /** The share of passages from which a word counts as common. */
  static final double COMMON = 0.15;

  static final Duration REFRESH = Duration.ofMinutes(1);

  private record Snapshot(Set<String> common, long readAt) {}

  private final JdbcClient jdbc;
  private volatile Snapshot snapshot;

  LexemeFrequencies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The common words; read from the statistics when the last read is older than the refresh. */
  Set<String> common() {
    Snapshot current = snapshot;
    long now = System.nanoTime();
    if (current == null || now - current.readAt() > REFRESH.toNanos()) {
      current = new Snapshot(read(), now);
      snapshot = current;
    }
    return current.common();
  }

  /** Reads the statistics now, for the next search and for callers that just analyzed. */
  Set<String> refresh() {
    snapshot = null;
    return common();
  }

  private Set<String> read() {
    // most_common_elem_freqs holds one share per word, then three summary figures (minimum,
    // maximum, null share) with no word beside them.
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT e.lexeme
                FROM pg_stats s,
                     unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                       AS e(lexeme, share)
                WHERE s.schemaname = current_schema() AND s.tablename = 'knowledge_chunks'
                  AND s.attname = 'search' AND e.lexeme IS NOT NULL AND e.share >= :common
                """)
            .param("common", COMMON)
            .query(String.class)
            .list());
  }
}
