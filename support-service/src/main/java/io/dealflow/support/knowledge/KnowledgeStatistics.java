package io.dealflow.support.knowledge;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL's statistics of {@code knowledge_chunks}: how stale they are, and the common words.
 */
@Repository
class KnowledgeStatistics {

  private final JdbcClient jdbc;

  KnowledgeStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether a tenth of the rows, and at least {@code fewest}, changed since the last analysis. */
  boolean stale(int fewest) {
    return jdbc.sql(
            """
            SELECT n_mod_since_analyze >= greatest(:fewest, n_live_tup / 10)
            FROM pg_stat_user_tables
            WHERE schemaname = current_schema() AND relname = 'knowledge_chunks'
            """)
        .param("fewest", fewest)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  void analyze() {
    jdbc.sql("ANALYZE knowledge_chunks").update();
  }

  /** The stemmed words held by at least {@code share} of the passages, by the statistics. */
  Set<String> commonLexemes(double share) {
    // most_common_elem_freqs holds one share per word, then three summary figures (minimum,
    // maximum, null share) with no word beside them.
    return Set.copyOf(
        jdbc.sql(
                """
                SELECT e.lexeme
                FROM pg_stats s,
                     unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                       AS e(lexeme, share)
                WHERE s.schemaname = current_schema() AND s.tablename = 'knowledge_chunks'
                  AND s.attname = 'search' AND e.lexeme IS NOT NULL AND e.share >= :share
                """)
            .param("share", share)
            .query(String.class)
            .list());
  }
}
