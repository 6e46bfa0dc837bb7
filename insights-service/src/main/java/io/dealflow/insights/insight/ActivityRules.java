package io.dealflow.insights.insight;

import io.dealflow.insights.activity.ActivityFigures;
import io.dealflow.insights.activity.ActivityFigures.Escalations;
import io.dealflow.insights.activity.ActivityFigures.FailingIntegration;
import io.dealflow.insights.activity.ActivityFigures.Practice;
import io.dealflow.insights.activity.ActivityFigures.WaitingLead;
import io.dealflow.insights.insight.Insight.Subject;
import io.dealflow.insights.pipeline.PipelineFigures;
import io.dealflow.insights.pipeline.PipelineFigures.RepDeals;
import io.dealflow.insights.pipeline.PipelineFigures.Won;
import io.dealflow.insights.rules.Finding;
import io.dealflow.insights.rules.Finding.Priority;
import io.dealflow.insights.rules.PipelineRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rules that read more than deals: the workspace's leads, training, integrations and support
 * escalations beside its pipeline. Thresholds and benchmarks:
 *
 * <ul>
 *   <li>{@code slow_follow_up}: leads still {@code qualified} {@value #FOLLOW_UP_DAYS} days after
 *       their qualification with no follow-up since (a conversation completed or an appointment
 *       scheduled with the lead, or a status past qualified); {@code high} from {@value
 *       #MANY_WAITING} leads or when the oldest waits {@value #LONG_WAIT_DAYS} days, else {@code
 *       medium}; confidence 0.85. Cause: the ISO week.
 *   <li>{@code practice_lagging}: a rep with open deals who completed under {@value
 *       #PRACTICE_MINUTES} minutes of training in the last {@value #PRACTICE_DAYS} days, in a
 *       workspace that trained at all in the last 90; {@code medium}, confidence 0.7. Cause: the
 *       rep and the calendar month.
 *   <li>{@code coverage_below_target}: the open pipeline's value under {@value #COVERAGE_TARGET}
 *       times the value won in the last calendar quarter (when something was won); {@code high}
 *       under {@value #COVERAGE_LOW} times, else {@code medium}; confidence 0.8. Cause: the
 *       quarter.
 *   <li>{@code integration_failing}: an integration whose latest sync failed; {@code high},
 *       confidence 0.95. Cause: the integration and the failure's time.
 *   <li>{@code escalations_rising}: at least {@value #ESCALATIONS_MIN} support escalations in the
 *       last 7 days and twice as many as in the 7 days before; {@code high} from three times, else
 *       {@code medium}; confidence 0.75. Cause: the ISO week.
 * </ul>
 */
@Component
class ActivityRules {

  static final int FOLLOW_UP_DAYS = 2;
  static final int MANY_WAITING = 5;
  static final int LONG_WAIT_DAYS = 7;
  static final int WAITING_SUBJECTS = 20;
  static final int PRACTICE_MINUTES = 30;
  static final int PRACTICE_DAYS = 30;
  static final double COVERAGE_TARGET = 3.0;
  static final double COVERAGE_LOW = 1.5;
  static final int ESCALATIONS_MIN = 5;

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final PipelineFigures pipeline;
  private final ActivityFigures activity;

  ActivityRules(PipelineFigures pipeline, ActivityFigures activity) {
    this.pipeline = pipeline;
    this.activity = activity;
  }

  List<Candidate> candidates(UUID orgId, Instant now) {
    List<Candidate> candidates = new ArrayList<>();
    slowFollowUp(orgId, now, candidates);
    practiceLagging(orgId, now, candidates);
    coverage(orgId, now, candidates);
    for (FailingIntegration failing : activity.failingIntegrations(orgId)) {
      candidates.add(
          new Candidate(
              "integration_failing:%s:%d"
                  .formatted(failing.integrationId(), failing.at().toEpochMilli()),
              new Finding(
                  "integration_failing",
                  "Integration Sync Failing",
                  "The latest %s sync failed at %s: %s. Deals and leads from it are not up to date until it syncs again."
                      .formatted(failing.provider(), MINUTE.format(failing.at()), failing.reason()),
                  Priority.HIGH,
                  0.95),
              List.of(new Subject("integration", failing.integrationId()))));
    }
    escalationsRising(orgId, now, candidates);
    return candidates;
  }

  private void slowFollowUp(UUID orgId, Instant now, List<Candidate> candidates) {
    List<WaitingLead> waiting =
        activity.waitingLeads(orgId, now.minus(Duration.ofDays(FOLLOW_UP_DAYS)), 1_000);
    if (waiting.isEmpty()) {
      return;
    }
    WaitingLead oldest = waiting.getFirst();
    long days = ChronoUnit.DAYS.between(oldest.qualifiedAt(), now);
    Priority priority =
        waiting.size() >= MANY_WAITING || days >= LONG_WAIT_DAYS ? Priority.HIGH : Priority.MEDIUM;
    candidates.add(
        new Candidate(
            "slow_follow_up:" + week(now),
            new Finding(
                "slow_follow_up",
                "Qualified Leads Waiting for Follow-up",
                "%d qualified lead%s had no follow-up (a conversation, an appointment or a status change) within %d days of qualifying; the oldest was qualified on %s, %d days ago. Follow up within %d days: leads contacted soon after qualifying convert more often."
                    .formatted(
                        waiting.size(),
                        waiting.size() == 1 ? "" : "s",
                        FOLLOW_UP_DAYS,
                        LocalDate.ofInstant(oldest.qualifiedAt(), ZoneOffset.UTC),
                        days,
                        FOLLOW_UP_DAYS),
                priority,
                0.85),
            waiting.stream()
                .limit(WAITING_SUBJECTS)
                .map(lead -> new Subject("lead", lead.leadId()))
                .toList()));
  }

  private void practiceLagging(UUID orgId, Instant now, List<Candidate> candidates) {
    List<Practice> quarter = activity.practice(orgId, now.minus(Duration.ofDays(90)));
    if (quarter.isEmpty()) {
      return;
    }
    Map<UUID, Practice> recent =
        activity.practice(orgId, now.minus(Duration.ofDays(PRACTICE_DAYS))).stream()
            .collect(Collectors.toMap(Practice::userId, Function.identity()));
    String month = LocalDate.ofInstant(now, ZoneOffset.UTC).toString().substring(0, 7);
    for (RepDeals rep : pipeline.openByRep(orgId)) {
      Practice practice = recent.getOrDefault(rep.userId(), new Practice(rep.userId(), 0, 0));
      if (practice.minutes() >= PRACTICE_MINUTES) {
        continue;
      }
      candidates.add(
          new Candidate(
              "practice_lagging:%s:%s".formatted(rep.userId(), month),
              new Finding(
                  "practice_lagging",
                  "Rep's Practice Lags",
                  "A rep with %d open deal%s worth %s practised %d minutes in the last %d days (%d session%s), under the %d-minute benchmark."
                      .formatted(
                          rep.deals(),
                          rep.deals() == 1 ? "" : "s",
                          PipelineRules.money(rep.value()),
                          practice.minutes(),
                          PRACTICE_DAYS,
                          practice.sessions(),
                          practice.sessions() == 1 ? "" : "s",
                          PRACTICE_MINUTES),
                  Priority.MEDIUM,
                  0.7),
              List.of(new Subject("user", rep.userId()))));
    }
  }

  private void coverage(UUID orgId, Instant now, List<Candidate> candidates) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate quarterStart =
        today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
    LocalDate lastQuarterStart = quarterStart.minusMonths(3);
    Won won =
        pipeline.won(
            orgId,
            lastQuarterStart.atStartOfDay(ZoneOffset.UTC).toInstant(),
            quarterStart.atStartOfDay(ZoneOffset.UTC).toInstant());
    if (won.deals() == 0 || won.value().signum() <= 0) {
      return;
    }
    BigDecimal open = pipeline.open(orgId, 1).value();
    double coverage = open.divide(won.value(), 4, RoundingMode.HALF_UP).doubleValue();
    if (coverage >= COVERAGE_TARGET) {
      return;
    }
    candidates.add(
        new Candidate(
            "coverage_below_target:" + InsightEngine.quarter(now),
            new Finding(
                "coverage_below_target",
                "Pipeline Coverage Below Target",
                "Your open pipeline of %s covers %s times last quarter's closed-won value of %s (%d deal%s); %s times is the benchmark to repeat that quarter."
                    .formatted(
                        PipelineRules.money(open),
                        String.format(java.util.Locale.ROOT, "%.1f", coverage),
                        PipelineRules.money(won.value()),
                        won.deals(),
                        won.deals() == 1 ? "" : "s",
                        String.format(java.util.Locale.ROOT, "%.0f", COVERAGE_TARGET)),
                coverage < COVERAGE_LOW ? Priority.HIGH : Priority.MEDIUM,
                0.8),
            List.of()));
  }

  private void escalationsRising(UUID orgId, Instant now, List<Candidate> candidates) {
    Duration week = Duration.ofDays(7);
    Escalations escalations =
        activity.escalations(orgId, now.minus(week.multipliedBy(2)), now.minus(week), now);
    if (escalations.recent() < ESCALATIONS_MIN || escalations.recent() < 2 * escalations.before()) {
      return;
    }
    candidates.add(
        new Candidate(
            "escalations_rising:" + week(now),
            new Finding(
                "escalations_rising",
                "Support Escalations Rising",
                "%d support conversations were handed to a person in the last 7 days, against %d in the 7 days before."
                    .formatted(escalations.recent(), escalations.before()),
                escalations.recent() >= 3 * escalations.before() && escalations.before() > 0
                    ? Priority.HIGH
                    : Priority.MEDIUM,
                0.75),
            List.of()));
  }

  static String week(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return "%d-W%02d"
        .formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
