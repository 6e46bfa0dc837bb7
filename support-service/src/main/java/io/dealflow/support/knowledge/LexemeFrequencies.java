package io.dealflow.support.knowledge;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The stemmed words that appear in a large share of the stored passages, as PostgreSQL's planner
 * statistics know them: {@code pg_stats.most_common_elems} of {@code knowledge_chunks.search},
 * which {@code ANALYZE} keeps for about a thousand of the most frequent words with the share of
 * passages holding each.
 *
 * <p>A word is common when at least {@value #COMMON} of the passages hold it. The statistics are
 * the table's, across organizations; they decide how full-text search relaxes a question ({@link
 * TextQuery#steps}), not which passages an organization sees. Before the table's first analysis
 * there are none and every word counts as rare, which is the cheap case for a small table.
 *
 * <p>At start and every {@code dealflow.support.knowledge.statistics-interval} (1 minute) after,
 * the set is read, after analyzing the table when a tenth of its rows (and at least {@code
 * dealflow.support.knowledge.statistics-min-changes}, 500) changed since its last analysis:
 * autovacuum does the same when it is on, but it may be off, and search should not depend on it.
 * Analyzing samples at most 30,000 rows; two instances may both do it, which costs a second
 * analysis and nothing else. Searches only read the set held in memory.
 */
@Component
class LexemeFrequencies {

  /** The share of passages from which a word counts as common. */
  static final double COMMON = 0.15;

  private static final Logger log = LoggerFactory.getLogger(LexemeFrequencies.class);

  private final KnowledgeStatistics statistics;
  private final int fewestChanges;
  private volatile Set<String> common = Set.of();

  LexemeFrequencies(
      KnowledgeStatistics statistics,
      @Value("${dealflow.support.knowledge.statistics-min-changes:500}") int fewestChanges) {
    this.statistics = statistics;
    this.fewestChanges = fewestChanges;
  }

  /** The common words, as last read. */
  Set<String> common() {
    return common;
  }

  /** Analyzes the table if its statistics are stale, then reads the common words again. */
  @Scheduled(fixedDelayString = "${dealflow.support.knowledge.statistics-interval:1m}")
  void refresh() {
    try {
      if (statistics.stale(fewestChanges)) {
        long started = System.nanoTime();
        statistics.analyze();
        log.info(
            "Analyzed knowledge_chunks in {} ms: its statistics were stale",
            (System.nanoTime() - started) / 1_000_000);
      }
      common = statistics.commonLexemes(COMMON);
    } catch (DataAccessException e) {
      log.warn("Could not refresh the common words; search keeps the last ones: {}", e.toString());
    }
  }
}
