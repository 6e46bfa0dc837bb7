package io.dealflow.training.objection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProspectLinesTest {

  @ParameterizedTest
  @ValueSource(strings = {"assistant", "agent", "AI", " bot ", "rep"})
  void theSellersSideIsCrmsSellerSpeakers(String speaker) {
    assertThat(ProspectLines.isProspect(speaker)).isFalse();
    assertThat(ProspectLines.objection(speaker, "That's too expensive for us")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"human", "customer", "user", "prospect", "Jordan"})
  void everyOtherSpeakerIsTheProspect(String speaker) {
    assertThat(ProspectLines.objection(speaker, "That's too expensive for us"))
        .contains("That's too expensive for us");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "That's too expensive for us",
        "We already work with another vendor",
        "Budget is tight this year",
        "We can't afford it",
        "We're under contract until June",
        "It's not a priority",
        "Why would we pay that price when it's this expensive?",
      })
  void objectionsAreHeard(String line) {
    assertThat(ProspectLines.soundsLikeObjection(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We listen to a few recorded calls every Friday.",
        "Sure, I have a few minutes.",
        "What would the price be for 12 seats?",
        "Is the budget per seat or per team?",
        "Please send the pricing and a contract draft",
      })
  void otherLinesAndBuyingQuestionsAreNot(String line) {
    assertThat(ProspectLines.soundsLikeObjection(line)).isFalse();
  }

  @Test
  void aKeptLineIsOneLineWithoutContactDetails() {
    assertThat(
            ProspectLines.objection(
                "human",
                "  Too expensive.\n\tMail jo.doe+x@acme.example or call +1 (555) 010-7788 \u0007"))
        .contains("Too expensive. Mail [email] or call [number]");
    assertThat(ProspectLines.clean("Budget is tight, 12 seats in 2026-2027"))
        .isEqualTo("Budget is tight, 12 seats in 2026-2027");
  }

  @Test
  void aLongLineIsCutAtAWordWithinThreeHundredCharacters() {
    String line = "It is too expensive " + "and really quite far too pricey ".repeat(20);

    String kept = ProspectLines.clean(line);

    assertThat(kept).hasSizeLessThanOrEqualTo(300).endsWith("…").startsWith("It is too expensive");
    assertThat(kept.substring(0, kept.length() - 1)).doesNotEndWith(" ");
    assertThat(line).startsWith(kept.substring(0, kept.length() - 1));
  }
}
