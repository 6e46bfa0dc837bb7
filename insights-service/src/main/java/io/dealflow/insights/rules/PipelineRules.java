package io.dealflow.insights.rules;

import io.dealflow.insights.rules.Finding.Priority;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules that turn a pipeline's figures into insights and recommendations. The numbers in every
 * finding come from the figures; nothing is estimated.
 *
 * <p>Benchmarks (B2B SaaS): conversion (deals won of all deals) {@value #CONVERSION_BENCHMARK}; win
 * rate (won of won and lost) {@value #WIN_RATE_BENCHMARK}; open deals at most {@value
 * #OPEN_SHARE_LIMIT} of all deals once at least {@value #MIN_DEALS} exist.
 *
 * <ul>
 *   <li>{@code conversion_below_benchmark}: conversion under the benchmark; {@code high} when 5
 *       points or more under it, else {@code medium}. Recommends lead scoring.
 *   <li>{@code conversion_above_benchmark}: at or over it ({@code low}).
 *   <li>{@code win_rate_below_benchmark}: win rate under its benchmark with at least {@value
 *       #MIN_DECIDED} closed deals; {@code high} under 0.30, else {@code medium}. Recommends a
 *       review of lost deals.
 *   <li>{@code pipeline_congested}: more than {@value #OPEN_SHARE_LIMIT} of the deals still open
 *       ({@code medium}). Recommends stage exit criteria.
 * </ul>
 *
 * Confidence grows with the evidence: {@code 0.5 + 0.45 × min(1, n / 40)} where n is the number of
 * deals the rule's ratio rests on (all deals for conversion and congestion, closed deals for the
 * win rate), rounded to two decimals.
 */
public final class PipelineRules {

  public static final double CONVERSION_BENCHMARK = 0.35;
  public static final double WIN_RATE_BENCHMARK = 0.5;
  public static final double OPEN_SHARE_LIMIT = 0.6;
  public static final int MIN_DEALS = 10;
  public static final int MIN_DECIDED = 5;

  /** Insights and recommendations, in the order the rules ran. */
  public record Outcome(List<Finding> insights, List<Finding> recommendations) {}

  private PipelineRules() {}

  public static Outcome deals(DealFigures figures) {
    List<Finding> insights = new ArrayList<>();
    List<Finding> recommendations = new ArrayList<>();
    double conversion = figures.conversion();
    double conversionConfidence = confidence(figures.total());
    if (figures.total() > 0) {
      if (conversion < CONVERSION_BENCHMARK) {
        Priority priority =
            CONVERSION_BENCHMARK - conversion >= 0.05 ? Priority.HIGH : Priority.MEDIUM;
        insights.add(
            new Finding(
                "conversion_below_benchmark",
                "Conversion Rate Below Industry Average",
                "Your %s conversion rate (%d won of %d deals) is below the industry average of %s for B2B SaaS."
                    .formatted(
                        percent(conversion),
                        figures.won(),
                        figures.total(),
                        percent(CONVERSION_BENCHMARK)),
                priority,
                conversionConfidence));
        recommendations.add(
            new Finding(
                "implement_lead_scoring",
                "Implement Lead Scoring",
                "Add a qualification framework to focus on high-intent leads: %s of your deals convert, %s is typical."
                    .formatted(percent(conversion), percent(CONVERSION_BENCHMARK)),
                priority,
                conversionConfidence));
      } else {
        insights.add(
            new Finding(
                "conversion_above_benchmark",
                "Conversion Rate At Or Above Industry Average",
                "Your %s conversion rate (%d won of %d deals) meets the industry average of %s for B2B SaaS."
                    .formatted(
                        percent(conversion),
                        figures.won(),
                        figures.total(),
                        percent(CONVERSION_BENCHMARK)),
                Priority.LOW,
                conversionConfidence));
      }
    }
    Double winRate = figures.winRate();
    long decided = figures.won() + figures.lost();
    if (winRate != null && decided >= MIN_DECIDED && winRate < WIN_RATE_BENCHMARK) {
      Priority priority = winRate < 0.30 ? Priority.HIGH : Priority.MEDIUM;
      insights.add(
          new Finding(
              "win_rate_below_benchmark",
              "Win Rate Below Benchmark",
              "You won %d and lost %d of your closed deals: a %s win rate, under the %s benchmark."
                  .formatted(
                      figures.won(), figures.lost(), percent(winRate), percent(WIN_RATE_BENCHMARK)),
              priority,
              confidence(decided)));
      recommendations.add(
          new Finding(
              "review_lost_deals",
              "Review Lost Deals",
              "Go through the %d lost deals for the stage and reason they were lost, and coach on the most common one."
                  .formatted(figures.lost()),
              priority,
              confidence(decided)));
    }
    if (figures.total() >= MIN_DEALS) {
      double open = (double) figures.inProgress() / figures.total();
      if (open > OPEN_SHARE_LIMIT) {
        insights.add(
            new Finding(
                "pipeline_congested",
                "Most Deals Are Still Open",
                "%d of your %d deals (%s) are still in progress; above %s, deals tend to stall."
                    .formatted(
                        figures.inProgress(),
                        figures.total(),
                        percent(open),
                        percent(OPEN_SHARE_LIMIT)),
                Priority.MEDIUM,
                conversionConfidence));
        recommendations.add(
            new Finding(
                "stage_exit_criteria",
                "Define Stage Exit Criteria",
                "Agree on what a deal must show to move on from each stage, and close out the %d open deals that show none of it."
                    .formatted(figures.inProgress()),
                Priority.MEDIUM,
                conversionConfidence));
      }
    }
    return new Outcome(List.copyOf(insights), List.copyOf(recommendations));
  }

  /** {@code 0.5 + 0.45 × min(1, n / 40)}, two decimals. */
  public static double confidence(long evidence) {
    double value = 0.5 + 0.45 * Math.min(1.0, evidence / 40.0);
    return Math.round(value * 100) / 100.0;
  }

  /** An amount as the descriptions write it: 45,000 or 1,234.5. */
  public static String money(BigDecimal value) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }

  /**
   * A span of time as the descriptions write it, in its largest whole unit: 14 days, 1 day, 3
   * hours, 5 minutes, 4 seconds.
   */
  public static String span(java.time.Duration span) {
    long[] amounts = {span.toDays(), span.toHours(), span.toMinutes(), span.toSeconds()};
    String[] units = {"day", "hour", "minute", "second"};
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] >= 1 || i == amounts.length - 1) {
        return amounts[i] + " " + units[i] + (amounts[i] == 1 ? "" : "s");
      }
    }
    throw new AssertionError();
  }

  /** A share as the descriptions write it: 27%. */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
