package io.dealflow.insights.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that a model's answer states only numbers the metric functions returned. */
class GroundingTest {

  private static final List<String> RETURNED =
      List.of(
          "Your open pipeline holds 12 deals worth 1,250,000.50, 412,300 weighted by stage"
              + " probability.",
          "Your win rate this quarter is 27%: 3 won and 8 lost.");

  @Test
  void numbersAreComparedByValueWhateverTheirGrouping() {
    assertThat(
            Grounding.numbersNotIn(
                "12 open deals are worth 1250000.5 in all (412,300 weighted); 27% win rate.",
                RETURNED))
        .isEmpty();
  }

  @Test
  void aNumberNoSourceHoldsIsReported() {
    assertThat(
            Grounding.numbersNotIn(
                "Your win rate is 27%, below the 35% benchmark; about 2 deals a week.", RETURNED))
        .containsExactly("2", "35");
  }

  @Test
  void anAnswerWithoutNumbersHasNoneToCheck() {
    assertThat(Grounding.numbersNotIn("Your pipeline looks healthy.", RETURNED)).isEmpty();
  }
}
