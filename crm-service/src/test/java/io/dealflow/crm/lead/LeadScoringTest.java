package io.dealflow.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.lead.LeadScoring.ScoreCard;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadScoringTest {

  static final LocalDate TODAY = LocalDate.parse("2025-05-27");

  static Criterion criterion(ScoreCard card, String name) {
    return card.criteria().stream()
        .filter(c -> c.criterion().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLeadWithoutDataScoresZeroAndSaysWhy() {
    ScoreCard card = LeadScoring.score(Map.of(), Engagement.NONE, TODAY);

    assertThat(card.total()).isZero();
    assertThat(card.criteria())
        .extracting(Criterion::criterion)
        .containsExactly("budget", "authority", "need", "timeline", "engagement");
    assertThat(card.criteria()).allSatisfy(c -> assertThat(c.maxPoints()).isEqualTo(20));
    assertThat(criterion(card, "budget").reason()).isEqualTo("No budget known");
    assertThat(card.contributing()).isEmpty();
  }

  @Test
  void aVicePresidentWithBudgetNeedAndAnUrgentTimelineScoresSeventyFive() {
    ScoreCard card =
        LeadScoring.score(
            Map.of(
                "budget", "$150,000",
                "title", "VP of Sales",
                "pain_points", List.of("manual follow-ups", "lost leads", "no reporting"),
                "timeline", "ASAP"),
            Engagement.NONE,
            TODAY);

    assertThat(criterion(card, "budget").points()).isEqualTo(20);
    assertThat(criterion(card, "authority").points()).isEqualTo(15);
    assertThat(criterion(card, "need").points()).isEqualTo(20);
    assertThat(criterion(card, "timeline").points()).isEqualTo(20);
    assertThat(card.total()).isEqualTo(75);
    assertThat(card.contributing()).containsExactly("budget", "authority", "need", "timeline");
  }

  @Test
  void budgetTiersReadNumbersAndAmountsInText() {
    assertThat(LeadScoring.budget(250_000).points()).isEqualTo(20);
    assertThat(LeadScoring.budget("50k").points()).isEqualTo(15);
    assertThat(LeadScoring.budget("1.2m USD").points()).isEqualTo(20);
    assertThat(LeadScoring.budget(7_500).points()).isEqualTo(10);
    assertThat(LeadScoring.budget("EUR 900").points()).isEqualTo(5);
    assertThat(LeadScoring.budget("approved").points()).isEqualTo(5);
    assertThat(LeadScoring.budget("approved").reason())
        .isEqualTo("Budget stated without an amount");
    assertThat(LeadScoring.budget(false).points()).isZero();
  }

  @Test
  void authorityFollowsTheTitle() {
    assertThat(LeadScoring.authority(Map.of("decision_maker", true)).points()).isEqualTo(20);
    assertThat(LeadScoring.authority(Map.of("title", "Co-Founder & CEO")).points()).isEqualTo(20);
    assertThat(LeadScoring.authority(Map.of("title", "Vice President, Sales")).points())
        .isEqualTo(15);
    assertThat(LeadScoring.authority(Map.of("job_title", "Sales Manager")).points()).isEqualTo(10);
    assertThat(LeadScoring.authority(Map.of("role", "Analyst")).points()).isEqualTo(5);
  }

  @Test
  void needCountsStatedNeeds() {
    assertThat(LeadScoring.need(Map.of("need", "call coaching")).points()).isEqualTo(10);
    assertThat(LeadScoring.need(Map.of("need", "coaching", "use_case", "onboarding")).points())
        .isEqualTo(15);
    assertThat(LeadScoring.need(Map.of("pain_points", List.of("a", "b", "c"))).points())
        .isEqualTo(20);
  }

  @Test
  void timelineReadsDatesAndPhrases() {
    assertThat(LeadScoring.timeline(Map.of("purchase_date", "2025-06-10"), TODAY).points())
        .isEqualTo(20);
    assertThat(LeadScoring.timeline(Map.of("decision_date", "2025-08-01"), TODAY).points())
        .isEqualTo(15);
    assertThat(LeadScoring.timeline(Map.of("purchase_date", "2024-01-01"), TODAY).reason())
        .contains("has passed");
    assertThat(LeadScoring.timeline(Map.of("timeline", "within 2 weeks"), TODAY).points())
        .isEqualTo(20);
    assertThat(LeadScoring.timeline(Map.of("timeline", "3 months"), TODAY).points()).isEqualTo(15);
    assertThat(LeadScoring.timeline(Map.of("timeline", "next quarter"), TODAY).points())
        .isEqualTo(10);
    assertThat(LeadScoring.timeline(Map.of("timeline", "2 years"), TODAY).points()).isEqualTo(5);
    assertThat(LeadScoring.timeline(Map.of("timeline", "unknown"), TODAY).points()).isZero();
  }

  @Test
  void engagementAddsConversationsCompletionsScoresAndPositiveShare() {
    Criterion engaged = LeadScoring.engagement(new Engagement(3, 2, 8.5, 2, 2));

    assertThat(engaged.points()).isEqualTo(6 + 4 + 5 + 4);
    assertThat(engaged.reason())
        .isEqualTo("3 conversations, 2 completed, average score 8.5, 2 of 2 positive");
    assertThat(LeadScoring.engagement(new Engagement(1, 0, null, 0, 0)).points()).isEqualTo(2);
    assertThat(LeadScoring.engagement(Engagement.NONE).points()).isZero();
  }

  @Test
  void theTotalNeverExceedsOneHundred() {
    ScoreCard card =
        LeadScoring.score(
            Map.of(
                "budget",
                1_000_000,
                "decision_maker",
                true,
                "pain_points",
                List.of("a", "b", "c", "d"),
                "timeline",
                "now"),
            new Engagement(10, 10, 10.0, 10, 10),
            TODAY);

    assertThat(card.total()).isEqualTo(100);
  }
}
