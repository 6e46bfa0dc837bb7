package io.dealflow.insights.rules;

import org.jspecify.annotations.Nullable;

/**
 * A pipeline's deal counts, as a client sends them ({@code POST /api/v1/insights}, data type {@code
 * deals}) or as the read model holds them.
 *
 * @param total every deal
 * @param won deals won
 * @param lost deals lost
 * @param inProgress deals still open
 * @param averageDealValue the mean value of a deal, if known
 * @param conversionRate the share of deals won, 0-1; when not given, won / total
 */
public record DealFigures(
    long total,
    long won,
    long lost,
    long inProgress,
    @Nullable Double averageDealValue,
    @Nullable Double conversionRate) {

  /** The conversion rate as given, or won / total. */
  public double conversion() {
    if (conversionRate != null) {
      return conversionRate;
    }
    return total == 0 ? 0 : (double) won / total;
  }

  /** Won / (won + lost), or null while nothing closed. */
  public @Nullable Double winRate() {
    long decided = won + lost;
    return decided == 0 ? null : (double) won / decided;
  }
}
