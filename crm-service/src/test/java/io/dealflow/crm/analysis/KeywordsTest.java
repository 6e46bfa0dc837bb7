package io.dealflow.crm.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordsTest {

  @Test
  void theSeedsGreetingGivesHelpAndToday() {
    assertThat(Keywords.of("Hello, how can I help you today?")).containsExactly("help", "today");
  }

  @Test
  void frequentWordsComeFirstThenByFirstOccurrence() {
    assertThat(
            Keywords.of(
                "Pricing matters. The integration with Salesforce matters, and pricing for"
                    + " seats."))
        .containsExactly("pricing", "matters", "integration", "salesforce", "seats");
  }

  @Test
  void stopWordsShortWordsAndNumbersAreLeftOut() {
    assertThat(Keywords.of("We have 250 reps and it is ok by me")).containsExactly("reps");
  }

  @Test
  void atMostFiveKeywords() {
    assertThat(Keywords.of("alpha bravo charlie delta echo foxtrot golf")).hasSize(Keywords.LIMIT);
  }

  @Test
  void emptyTextHasNoKeywords() {
    assertThat(Keywords.of("  ")).isEmpty();
  }
}
