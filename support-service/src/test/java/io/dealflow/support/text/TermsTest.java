package io.dealflow.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.support.text.Terms.Term;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsTest {

  @Nested
  class MeaningfulWords {

    @Test
    void stopWordsAreDroppedAndTheRestLowerCasedAndStemmed() {
      assertThat(Terms.of("What are your Trading Hours?")).containsExactly("trad", "hour");
    }

    @Test
    void greetingsPolitenessAndContractionsCarryNoMeaning() {
      assertThat(Terms.of("Hi, thanks! Please tell me, I'm sure you're there"))
          .containsExactly("sure");
      assertThat(Terms.of("Hello there")).isEmpty();
    }

    @Test
    void aTypographicApostropheIsReadAsAPlainOne() {
      assertThat(Terms.of("don’t worry")).containsExactly("worry");
      assertThat(Terms.of("the customer’s parcel")).containsExactly("customer", "parcel");
    }

    @Test
    void singleLettersAreDroppedButSingleDigitsKept() {
      assertThat(Terms.of("plan b takes 5 days")).containsExactly("plan", "take", "5", "day");
    }

    @Test
    void eachStemOnceInOrderOfFirstAppearance() {
      assertThat(Terms.of("Refunds, refunded, refund: when is my refund?"))
          .containsExactly("refund");
      assertThat(Terms.of("shipping costs and shipping times"))
          .containsExactly("ship", "cost", "time");
    }

    @Test
    void wordsKeepEveryOccurrenceWithItsStem() {
      assertThat(Terms.words("Orders and more orders"))
          .containsExactly(new Term("orders", "order"), new Term("orders", "order"));
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "hours, hour",
    "refunded, refund",
    "trading, trad",
    "policies, policy",
    "classes, class",
    "running, run",
    "shipped, ship",
    "called, call",
    "buzzing, buzz",
    "address, address",
    "status, status",
    "bus, bus",
    "ties, tie",
    "sing, sing",
    "bred, bred",
    "customer's, customer",
    "covid19, covid19"
  })
  void theLightStemmerHandlesPluralsAndCommonVerbForms(String word, String stem) {
    assertThat(Terms.stem(word)).isEqualTo(stem);
  }

  @Nested
  class Coverage {

    @Test
    void isTheShareOfTheWantedTermsTheTextHolds() {
      List<String> wanted = Terms.of("How long do refunds take?");

      assertThat(wanted).containsExactly("long", "refund", "take");
      assertThat(Terms.coverage(wanted, "Refunds take 5 business days, which is not long."))
          .isEqualTo(1.0);
      assertThat(Terms.coverage(wanted, "Refunds are paid to the card.")).isEqualTo(1.0 / 3);
      assertThat(Terms.coverage(wanted, "Express shipping is 15 dollars.")).isZero();
    }

    @Test
    void nothingWantedIsNoCoverage() {
      assertThat(Terms.coverage(List.of(), "anything at all")).isZero();
    }

    @Test
    void stemsOfFourLettersOrMoreMatchWhenOneBeginsTheOtherWithinThreeLetters() {
      assertThat(Terms.coverage(List.of("trad"), "trade")).isEqualTo(1.0);
      assertThat(Terms.coverage(List.of("trade"), "trading")).isEqualTo(1.0);
      assertThat(Terms.coverage(List.of("deliver"), "delivery")).isEqualTo(1.0);
      assertThat(Terms.coverage(List.of("port"), "portal")).isEqualTo(1.0);
    }

    @Test
    void shortStemsMatchOnlyExactly() {
      assertThat(Terms.coverage(Terms.of("cars"), "cards")).isZero();
      assertThat(Terms.coverage(Terms.of("cars"), "a car")).isEqualTo(1.0);
    }

    @Test
    void stemsFurtherApartThanThreeLettersDoNotMatch() {
      assertThat(Terms.coverage(List.of("port"), "portfolio")).isZero();
      assertThat(Terms.coverage(List.of("trad"), "tradition")).isZero();
    }

    @Test
    void containsUsesTheSamePrefixRule() {
      assertThat(Terms.contains(List.of("trade", "hour"), "trad")).isTrue();
      assertThat(Terms.contains(List.of("car"), "card")).isFalse();
    }
  }
}
