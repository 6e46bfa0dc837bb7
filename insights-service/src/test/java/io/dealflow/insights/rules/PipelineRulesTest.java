package io.dealflow.insights.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.insights.rules.Finding.Priority;
import io.dealflow.insights.rules.PipelineRules.Outcome;
import org.junit.jupiter.api.Test;

class PipelineRulesTest {

  @Test
  void theSeedsExampleIsAConversionBelowTheIndustryAverageWithLeadScoringRecommended() {
    // 45 deals, 12 won, 8 lost, 25 in progress, conversion 0.27 (the VectorOS document's figures)
    Outcome outcome = PipelineRules.deals(new DealFigures(45, 12, 8, 25, 15_000.0, 0.27));
    assertThat(outcome.insights()).hasSize(1);
    Finding insight = outcome.insights().getFirst();
    assertThat(insight.type()).isEqualTo("conversion_below_benchmark");
    assertThat(insight.title()).isEqualTo("Conversion Rate Below Industry Average");
    assertThat(insight.description())
        .isEqualTo(
            "Your 27% conversion rate (12 won of 45 deals) is below the industry average of 35%"
                + " for B2B SaaS.");
    // 8 points under the benchmark: high; 45 deals: 0.5 + 0.45 = 0.95
    assertThat(insight.priority()).isEqualTo(Priority.HIGH);
    assertThat(insight.confidence()).isEqualTo(0.95);
    assertThat(outcome.recommendations())
        .extracting(Finding::title)
        .containsExactly("Implement Lead Scoring");
  }

  @Test
  void aLowWinRateOverEnoughClosedDealsIsFoundWithTheReviewOfLostDeals() {
    // 20 deals, 4 won, 12 lost: conversion 20 %, win rate 25 % over 16 closed deals
    Outcome outcome = PipelineRules.deals(new DealFigures(20, 4, 12, 4, null, null));
    assertThat(outcome.insights())
        .extracting(Finding::type)
        .containsExactly("conversion_below_benchmark", "win_rate_below_benchmark");
    Finding winRate = outcome.insights().get(1);
    assertThat(winRate.description()).contains("won 4 and lost 12", "25%", "50%");
    assertThat(winRate.priority()).isEqualTo(Priority.HIGH);
    // 16 closed deals: 0.5 + 0.45 × 16 / 40 = 0.68
    assertThat(winRate.confidence()).isEqualTo(0.68);
    assertThat(outcome.recommendations())
        .extracting(Finding::type)
        .containsExactly("implement_lead_scoring", "review_lost_deals");
  }

  @Test
  void aPipelineMostlyOpenIsCongested() {
    // 20 of 30 deals open: 67 %, over 60 %
    Outcome outcome = PipelineRules.deals(new DealFigures(30, 8, 2, 20, null, null));
    assertThat(outcome.insights()).extracting(Finding::type).contains("pipeline_congested");
    assertThat(outcome.insights().getLast().description()).startsWith("20 of your 30 deals (67%)");
  }

  @Test
  void aHealthyPipelineGetsOneLowPriorityInsightAndNoRecommendation() {
    Outcome outcome = PipelineRules.deals(new DealFigures(40, 20, 10, 10, null, null));
    assertThat(outcome.insights())
        .extracting(Finding::type)
        .containsExactly("conversion_above_benchmark");
    assertThat(outcome.insights().getFirst().priority()).isEqualTo(Priority.LOW);
    assertThat(outcome.recommendations()).isEmpty();
  }

  @Test
  void fewClosedDealsSayNothingAboutTheWinRateAndNoDealsNothingAtAll() {
    assertThat(PipelineRules.deals(new DealFigures(3, 0, 3, 0, null, null)).insights())
        .extracting(Finding::type)
        .doesNotContain("win_rate_below_benchmark");
    Outcome empty = PipelineRules.deals(new DealFigures(0, 0, 0, 0, null, null));
    assertThat(empty.insights()).isEmpty();
    assertThat(empty.recommendations()).isEmpty();
  }

  @Test
  void aSpanIsWrittenInItsLargestWholeUnit() {
    assertThat(PipelineRules.span(java.time.Duration.ofDays(14))).isEqualTo("14 days");
    assertThat(PipelineRules.span(java.time.Duration.ofHours(25))).isEqualTo("1 day");
    assertThat(PipelineRules.span(java.time.Duration.ofMinutes(150))).isEqualTo("2 hours");
    assertThat(PipelineRules.span(java.time.Duration.ofSeconds(61))).isEqualTo("1 minute");
    assertThat(PipelineRules.span(java.time.Duration.ofMillis(4_900))).isEqualTo("4 seconds");
    assertThat(PipelineRules.span(java.time.Duration.ZERO)).isEqualTo("0 seconds");
  }
}
