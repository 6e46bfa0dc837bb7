package io.dealflow.support.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextQueryTest {

  @Test
  void allWordsIsOneConjunctionAndAnyWordOneDisjunction() {
    List<String> words = List.of("kettl", "merrow", "thermostat");
    assertThat(TextQuery.atLeast(words, 3)).isEqualTo("'kettl' & 'merrow' & 'thermostat'");
    assertThat(TextQuery.atLeast(words, 1)).isEqualTo("'kettl' | 'merrow' | 'thermostat'");
  }

  @Test
  void atLeastTwoOfThreeIsEveryPair() {
    assertThat(TextQuery.atLeast(List.of("a", "b", "c"), 2))
        .isEqualTo("('a' & 'b') | ('a' & 'c') | ('b' & 'c')");
  }

  @Test
  void lexemesAreQuotedAsTheyAre() {
    assertThat(TextQuery.atLeast(List.of("o'neil", "back\\slash", "dr-318"), 3))
        .isEqualTo("'o''neil' & 'back\\\\slash' & 'dr-318'");
  }

  @Test
  void theLadderRelaxesOneWordAtATimeWithinItsBudget() {
    assertThat(TextQuery.ladder(1)).containsExactly(1);
    assertThat(TextQuery.ladder(3)).containsExactly(3, 2, 1);
    assertThat(TextQuery.ladder(5)).containsExactly(5, 4, 3, 2, 1);
    // C(8,5)×5 = C(8,4)×4 = 280 word occurrences: over the budget, skipped.
    assertThat(TextQuery.ladder(8)).containsExactly(8, 7, 6, 3, 2, 1);
    // A long message: all of its words, then any of them.
    assertThat(TextQuery.ladder(60)).containsExactly(60, 1);
  }

  @Test
  void whenEveryWordIsRareTheStepsFollowTheLadder() {
    List<String> words = List.of("kettl", "merrow", "thermostat");
    assertThat(TextQuery.steps(words, Set.of()))
        .containsExactly(
            TextQuery.atLeast(words, 3), TextQuery.atLeast(words, 2), TextQuery.atLeast(words, 1));
  }

  @Test
  void afterAllWordsOnlyTheRareOnesAreRelaxed() {
    List<String> words = List.of("order", "kettl", "merrow", "help");
    List<String> rare = List.of("kettl", "merrow");
    assertThat(TextQuery.steps(words, Set.of("order", "help")))
        .containsExactly(
            TextQuery.atLeast(words, 4), TextQuery.atLeast(rare, 2), TextQuery.atLeast(rare, 1));
    assertThat(TextQuery.steps(words, Set.of("order", "help", "merrow")))
        .containsExactly(TextQuery.atLeast(words, 4), "'kettl'");
  }

  @Test
  void aQuestionOfCommonWordsAsksForAllOfThemOnly() {
    List<String> words = List.of("order", "help");
    assertThat(TextQuery.steps(words, Set.of("order", "help", "account")))
        .containsExactly("'order' & 'help'");
    assertThat(TextQuery.steps(List.of("order"), Set.of("order"))).containsExactly("'order'");
    assertThat(TextQuery.steps(List.of(), Set.of())).isEmpty();
  }

  @Test
  void combinationsSaturateInsteadOfOverflowing() {
    assertThat(TextQuery.combinations(5, 2)).isEqualTo(10);
    assertThat(TextQuery.combinations(200, 100)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void kMustBeBetweenOneAndTheNumberOfWords() {
    assertThatIllegalArgumentException().isThrownBy(() -> TextQuery.atLeast(List.of("a"), 2));
    assertThatIllegalArgumentException().isThrownBy(() -> TextQuery.atLeast(List.of("a"), 0));
  }
}
