package io.dealflow.crm.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The lead score, 0–100: five criteria of up to 20 points each, every one read from the lead's
 * metadata or its conversations, with the reason it gave what it gave. Nothing is guessed: a
 * criterion with no data gives 0 and says so.
 *
 * <ul>
 *   <li><b>budget</b> ({@code metadata.budget}: a number, or text with an amount such as {@code
 *       "$50,000"}, {@code "50k"}, {@code "1.2m"}): 100 000 or more 20, 25 000 or more 15, 5 000 or
 *       more 10, less 5; a budget stated without an amount 5.
 *   <li><b>authority</b> ({@code metadata.decision_maker: true} 20, else {@code metadata.title},
 *       {@code job_title} or {@code role}): C-level, founder, owner, president or partner 20; vice
 *       president, head or director 15; manager or team lead 10; another title 5.
 *   <li><b>need</b> (stated needs: each item of {@code metadata.pain_points}, and {@code need},
 *       {@code use_case}, {@code interest}): one 10, two 15, three or more 20.
 *   <li><b>timeline</b> ({@code metadata.purchase_date} or {@code decision_date} as a date, else
 *       {@code metadata.timeline} as text such as {@code "asap"}, {@code "3 months"}, {@code "next
 *       quarter"}): within 30 days 20, 90 days 15, 180 days 10, later 5; a timeline stated without
 *       a time 5.
 *   <li><b>engagement</b> (the lead's conversations): conversations had (1: 2, 2: 4, 3 or more: 6),
 *       completed (1: 2, 2 or more: 4), average conversation score (×0.6, up to 6) and the share of
 *       positive conversations (×4, up to 4).
 * </ul>
 */
public final class LeadScoring {

  static final int MAX_POINTS = 20;

  private static final Pattern AMOUNT =
      Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s*([km]|thousand|million)?\\b");
  private static final Pattern IN_UNITS =
      Pattern.compile("(\\d+)\\s*(day|days|week|weeks|month|months|year|years)\\b");

  private LeadScoring() {}

  /**
   * A lead's score and how it came about.
   *
   * @param total the sum of the criteria's points, 0–100
   * @param criteria each criterion's points and reason
   */
  public record ScoreCard(int total, List<Criterion> criteria) {

    public ScoreCard {
      criteria = List.copyOf(criteria);
    }

    /** The criteria that added points: the {@code qualification_criteria} of the lead. */
    public List<String> contributing() {
      return criteria.stream().filter(c -> c.points() > 0).map(Criterion::criterion).toList();
    }
  }

  public static ScoreCard score(
      Map<String, Object> metadata, Engagement engagement, LocalDate today) {
    List<Criterion> criteria = new ArrayList<>(5);
    criteria.add(budget(metadata.get("budget")));
    criteria.add(authority(metadata));
    criteria.add(need(metadata));
    criteria.add(timeline(metadata, today));
    criteria.add(engagement(engagement));
    int total = criteria.stream().mapToInt(Criterion::points).sum();
    return new ScoreCard(total, criteria);
  }

  static Criterion budget(@Nullable Object budget) {
    if (budget == null || budget instanceof Boolean b && !b || budget.toString().isBlank()) {
      return new Criterion("budget", 0, MAX_POINTS, "No budget known");
    }
    BigDecimal amount = amount(budget);
    if (amount == null) {
      return new Criterion("budget", 5, MAX_POINTS, "Budget stated without an amount");
    }
    int points =
        amount.compareTo(BigDecimal.valueOf(100_000)) >= 0
            ? 20
            : amount.compareTo(BigDecimal.valueOf(25_000)) >= 0
                ? 15
                : amount.compareTo(BigDecimal.valueOf(5_000)) >= 0 ? 10 : 5;
    return new Criterion(
        "budget", points, MAX_POINTS, "Budget of " + amount.stripTrailingZeros().toPlainString());
  }

  private static @Nullable BigDecimal amount(Object budget) {
    if (budget instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    Matcher matcher = AMOUNT.matcher(budget.toString().toLowerCase(Locale.ROOT));
    if (!matcher.find()) {
      return null;
    }
    BigDecimal value = new BigDecimal(matcher.group(1).replace(",", ""));
    String unit = matcher.group(2);
    if (unit == null) {
      return value;
    }
    return switch (unit) {
      case "k", "thousand" -> value.multiply(BigDecimal.valueOf(1_000));
      default -> value.multiply(BigDecimal.valueOf(1_000_000));
    };
  }

  static Criterion authority(Map<String, Object> metadata) {
    if (Boolean.TRUE.equals(metadata.get("decision_maker"))) {
      return new Criterion("authority", 20, MAX_POINTS, "Decision maker");
    }
    String title = firstText(metadata, "title", "job_title", "role");
    if (title == null) {
      return new Criterion("authority", 0, MAX_POINTS, "No title or decision role known");
    }
    String t = " " + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ") + " ";
    int points;
    if (containsAny(
            t,
            " ceo ",
            " cfo ",
            " cto ",
            " coo ",
            " cmo ",
            " cio ",
            " cro ",
            " chief ",
            " founder ",
            " cofounder ",
            " co founder ",
            " owner ",
            " president ",
            " partner ")
        && !t.contains(" vice president ")) {
      points = 20;
    } else if (containsAny(
        t, " vp ", " vice president ", " head ", " director ", " svp ", " evp ")) {
      points = 15;
    } else if (containsAny(t, " manager ", " team lead ", " supervisor ")) {
      points = 10;
    } else {
      points = 5;
    }
    return new Criterion("authority", points, MAX_POINTS, "Title: " + title.strip());
  }

  static Criterion need(Map<String, Object> metadata) {
    List<String> needs = new ArrayList<>();
    Object painPoints = metadata.get("pain_points");
    if (painPoints instanceof Collection<?> items) {
      items.stream().map(String::valueOf).filter(s -> !s.isBlank()).forEach(needs::add);
    } else if (painPoints != null && !painPoints.toString().isBlank()) {
      needs.add(painPoints.toString());
    }
    for (String key : List.of("need", "use_case", "interest")) {
      Object value = metadata.get(key);
      if (value != null && !(value instanceof Boolean) && !value.toString().isBlank()) {
        needs.add(value.toString());
      }
    }
    int points =
        switch (needs.size()) {
          case 0 -> 0;
          case 1 -> 10;
          case 2 -> 15;
          default -> 20;
        };
    String reason =
        needs.isEmpty()
            ? "No need stated"
            : needs.size()
                + (needs.size() == 1 ? " stated need: " : " stated needs: ")
                + String.join("; ", needs.stream().map(String::strip).toList());
    return new Criterion("need", points, MAX_POINTS, reason);
  }

  static Criterion timeline(Map<String, Object> metadata, LocalDate today) {
    String dateText = firstText(metadata, "purchase_date", "decision_date");
    if (dateText != null) {
      try {
        LocalDate date =
            LocalDate.parse(dateText.strip().substring(0, Math.min(10, dateText.strip().length())));
        long days = ChronoUnit.DAYS.between(today, date);
        if (days < 0) {
          return new Criterion("timeline", 5, MAX_POINTS, "Decision date " + date + " has passed");
        }
        return new Criterion("timeline", withinDays(days), MAX_POINTS, "Decision by " + date);
      } catch (DateTimeParseException notADate) {
        // fall back to the free-text timeline
      }
    }
    String timeline = firstText(metadata, "timeline");
    if (timeline == null) {
      return new Criterion("timeline", 0, MAX_POINTS, "No timeline known");
    }
    String t = timeline.toLowerCase(Locale.ROOT);
    String reason = "Timeline: " + timeline.strip();
    if (containsAny(t, "no timeline", "none", "unknown", "not sure", "undecided")) {
      return new Criterion("timeline", 0, MAX_POINTS, reason);
    }
    if (containsAny(t, "immediate", "asap", "urgent", "right away", "this week", "this month")
        || t.strip().equals("now")) {
      return new Criterion("timeline", 20, MAX_POINTS, reason);
    }
    Matcher units = IN_UNITS.matcher(t);
    if (units.find()) {
      long n = Long.parseLong(units.group(1));
      long days =
          switch (units.group(2)) {
            case "day", "days" -> n;
            case "week", "weeks" -> n * 7;
            case "month", "months" -> n * 30;
            default -> n * 365;
          };
      return new Criterion("timeline", withinDays(days), MAX_POINTS, reason);
    }
    if (containsAny(t, "next month", "this quarter")) {
      return new Criterion("timeline", 15, MAX_POINTS, reason);
    }
    if (containsAny(t, "next quarter", "this year")) {
      return new Criterion("timeline", 10, MAX_POINTS, reason);
    }
    return new Criterion("timeline", 5, MAX_POINTS, reason);
  }

  private static int withinDays(long days) {
    return days <= 30 ? 20 : days <= 90 ? 15 : days <= 180 ? 10 : 5;
  }

  static Criterion engagement(Engagement e) {
    if (e.conversations() == 0) {
      return new Criterion("engagement", 0, MAX_POINTS, "No conversations yet");
    }
    int had = e.conversations() >= 3 ? 6 : e.conversations() * 2;
    int completed = Math.min(e.completed(), 2) * 2;
    int quality =
        e.averageScore() == null ? 0 : (int) Math.round(Math.min(10, e.averageScore()) * 0.6);
    int mood =
        e.withSentiment() == 0 ? 0 : (int) Math.round(4.0 * e.positive() / e.withSentiment());
    StringBuilder reason =
        new StringBuilder()
            .append(e.conversations())
            .append(e.conversations() == 1 ? " conversation, " : " conversations, ")
            .append(e.completed())
            .append(" completed");
    if (e.averageScore() != null) {
      reason.append(", average score ").append(Math.round(e.averageScore() * 10) / 10.0);
    }
    if (e.withSentiment() > 0) {
      reason
          .append(", ")
          .append(e.positive())
          .append(" of ")
          .append(e.withSentiment())
          .append(" positive");
    }
    return new Criterion(
        "engagement",
        Math.min(MAX_POINTS, had + completed + quality + mood),
        MAX_POINTS,
        reason.toString());
  }

  private static @Nullable String firstText(Map<String, Object> metadata, String... keys) {
    for (String key : keys) {
      Object value = metadata.get(key);
      if (value != null
          && !(value instanceof Map)
          && !(value instanceof Collection)
          && !value.toString().isBlank()) {
        return value.toString();
      }
    }
    return null;
  }

  private static boolean containsAny(String text, String... needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }
}
