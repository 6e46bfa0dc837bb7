package io.dealflow.crm.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.error.FieldViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The stage rules a deal keeps, and what a draft calls invalid. */
class DealTest {

  static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
  static final Instant LATER = Instant.parse("2026-02-01T10:00:00Z");

  static DealDraft draft(Stage stage, @Nullable Integer probability) {
    return new DealDraft(
        "Acme", new BigDecimal("1000"), "USD", stage, probability, null, null, null, null);
  }

  static Deal open(Stage stage) {
    return Deal.open(
        DealId.random(), UUID.randomUUID(), draft(stage, null), Deal.MANUAL, null, null, CREATED);
  }

  @Test
  void aNewDealGetsItsStagesDefaultProbability() {
    assertThat(open(Stage.LEAD).probability()).isEqualTo(10);
    assertThat(open(Stage.NEGOTIATION).probability()).isEqualTo(75);
    assertThat(open(Stage.LEAD).closedAt()).isNull();
  }

  @Test
  void aDealCreatedWonIsClosedWithProbability100() {
    Deal won =
        Deal.open(
            DealId.random(),
            UUID.randomUUID(),
            draft(Stage.WON, 20),
            Deal.MANUAL,
            null,
            null,
            CREATED);

    assertThat(won.probability()).isEqualTo(100);
    assertThat(won.closedAt()).isEqualTo(CREATED);
  }

  @Test
  void movingToAnotherStageTakesItsDefaultUnlessAProbabilityIsGiven() {
    Deal deal = open(Stage.LEAD);

    assertThat(deal.revise(draft(Stage.PROPOSAL, null), LATER).probability()).isEqualTo(50);
    assertThat(deal.revise(draft(Stage.PROPOSAL, 62), LATER).probability()).isEqualTo(62);
  }

  @Test
  void stayingInTheStageKeepsAProbabilitySetBefore() {
    Deal deal = open(Stage.QUALIFIED).revise(draft(Stage.QUALIFIED, 40), LATER);

    Deal renamed = deal.revise(draft(Stage.QUALIFIED, null), LATER);

    assertThat(renamed.probability()).isEqualTo(40);
  }

  @Test
  void losingSetsProbabilityZeroAndTheCloseTimeReopeningClearsIt() {
    Deal lost = open(Stage.PROPOSAL).revise(draft(Stage.LOST, 30), LATER);
    Deal reopened = lost.revise(draft(Stage.NEGOTIATION, null), LATER.plusSeconds(60));

    assertThat(lost.probability()).isZero();
    assertThat(lost.closedAt()).isEqualTo(LATER);
    assertThat(reopened.closedAt()).isNull();
    assertThat(reopened.probability()).isEqualTo(75);
  }

  @Test
  void editingAClosedDealKeepsWhenItClosed() {
    Deal won = open(Stage.LEAD).revise(draft(Stage.WON, null), LATER);

    Deal edited = won.revise(draft(Stage.WON, null), LATER.plusSeconds(3600));

    assertThat(edited.closedAt()).isEqualTo(LATER);
  }

  @Test
  void theAmountHasTheCurrencysDecimals() {
    Deal dollars = open(Stage.LEAD);
    Deal yen =
        Deal.open(
            DealId.random(),
            UUID.randomUUID(),
            new DealDraft(
                "Tokyo",
                new BigDecimal("1000.0000"),
                "JPY",
                Stage.LEAD,
                null,
                null,
                null,
                null,
                null),
            Deal.MANUAL,
            null,
            null,
            CREATED);

    assertThat(dollars.amount().toPlainString()).isEqualTo("1000.00");
    assertThat(yen.amount().toPlainString()).isEqualTo("1000");
  }

  @Test
  void aDraftNamesEveryInvalidFieldByItsApiName() {
    DealDraft draft =
        new DealDraft(
            "  ",
            new BigDecimal("-1"),
            "usdollar",
            Stage.LEAD,
            101,
            null,
            "x".repeat(201),
            null,
            null);

    assertThat(draft.violations().stream().map(FieldViolation::field))
        .containsExactly("title", "currency", "value", "probability", "contactName");
  }

  @Test
  void aDraftWithMoreDecimalsThanItsCurrencyIsInvalid() {
    DealDraft dinar =
        new DealDraft(
            "Kuwait", new BigDecimal("10.125"), "kwd", Stage.LEAD, null, null, null, null, null);
    DealDraft dollars =
        new DealDraft(
            "Ohio", new BigDecimal("10.125"), "USD", Stage.LEAD, null, null, null, null, null);

    assertThat(dinar.currency()).isEqualTo("KWD");
    assertThat(dinar.violations()).isEmpty();
    assertThat(dollars.violations())
        .singleElement()
        .extracting(FieldViolation::message)
        .isEqualTo("Value has more decimals than USD allows (2)");
  }

  @Test
  void sameContentIgnoresTrailingZerosButNotRealChanges() {
    Deal deal = open(Stage.LEAD);
    DealDraft zeros =
        new DealDraft(
            "Acme", new BigDecimal("1000.00"), "USD", Stage.LEAD, null, null, null, null, null);

    assertThat(deal.revise(zeros, LATER).sameContentAs(deal)).isTrue();
    assertThat(deal.revise(draft(Stage.QUALIFIED, null), LATER).sameContentAs(deal)).isFalse();
  }
}
