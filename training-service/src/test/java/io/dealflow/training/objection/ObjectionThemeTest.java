package io.dealflow.training.objection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectionThemeTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "That's too expensive for us | PRICE",
        "Budget is tight this year | PRICE",
        "We can't afford another tool right now | PRICE",
        "Honestly the pricing is way out of line | PRICE",
        "We already work with another vendor | INCUMBENT",
        "We're happy with our current provider | INCUMBENT",
        "We're locked in until next spring | INCUMBENT",
        "I'd have to check with my manager first | AUTHORITY",
        "That's not my decision, procurement handles it | AUTHORITY",
        "Switching now would be too risky | RISK",
        "A migration like that would disrupt the whole team | RISK",
        "I'm really busy this week | TIMING",
        "Not a good time, call me back next quarter | TIMING",
        "Let me think about it | TIMING",
        "We're not interested | NEED",
        "I don't see how this helps us | NEED",
        "It's not a priority for us | NEED",
        "I'm not convinced | OTHER",
        "No thanks | OTHER",
      })
  void eachRuleFindsItsTheme(String line, ObjectionTheme theme) {
    assertThat(ObjectionTheme.of(line)).isEqualTo(theme);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We already pay for a tool and it's too expensive to switch | PRICE",
        "We already have a vendor and I'm busy | INCUMBENT",
        "I'd need to check with my boss, switching is risky | AUTHORITY",
        "Switching takes time we don't have, we're busy | RISK",
        "Not interested, we're too busy | TIMING",
      })
  void theFirstMatchingRuleInDeclarationOrderWins(String line, ObjectionTheme theme) {
    assertThat(ObjectionTheme.of(line)).isEqualTo(theme);
  }

  @ParameterizedTest
  @CsvSource({"price,PRICE", "incumbent,INCUMBENT", "other,OTHER"})
  void aThemeIsStoredByItsLowerCaseName(String id, ObjectionTheme theme) {
    assertThat(theme.id()).isEqualTo(id);
    assertThat(ObjectionTheme.fromId(id)).isEqualTo(theme);
  }
}
