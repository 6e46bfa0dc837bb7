package io.dealflow.support.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dealflow.support.answer.ExtractiveAnswers.Similarity;
import io.dealflow.support.knowledge.Passage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExtractiveAnswersTest {

  private static final double THRESHOLD = 0.5;

  private static final String RETURNS =
      "Returns. You can return any item within 30 days of delivery. Refunds are paid to the"
          + " original payment method within 5 business days. Items marked final sale cannot be"
          + " returned.";

  /** A similarity that knows some sentences' cosines and gives every other sentence 0.1. */
  private static final class FakeSimilarity implements Similarity {

    private final Map<String, Double> cosines = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    FakeSimilarity with(String sentence, double cosine) {
      cosines.put(sentence, cosine);
      return this;
    }

    @Override
    public double[] of(List<String> sentences) {
      asked.addAll(sentences);
      return sentences.stream().mapToDouble(s -> cosines.getOrDefault(s, 0.1)).toArray();
    }
  }

  private static Passage passage(String name, String content, double confidence) {
    return new Passage(
        UUID.randomUUID(),
        UUID.randomUUID(),
        name,
        "/kb/" + name.toLowerCase().replace(' ', '-'),
        null,
        content,
        confidence,
        confidence,
        0);
  }

  @Test
  void answersWithTheBestSentenceOfTheBestPassageAndCitesIt() {
    Passage returns = passage("Returns Policy", RETURNS, 0.8);
    FakeSimilarity similarity =
        new FakeSimilarity()
            .with("Refunds are paid to the original payment method within 5 business days.", 0.9);

    Answer answer =
        ExtractiveAnswers.answer(
            "How long do refunds take?", List.of(returns), THRESHOLD, similarity);

    assertThat(answer.answered()).isTrue();
    assertThat(answer.writer()).isEqualTo("extractive");
    assertThat(answer.text())
        .isEqualTo("Refunds are paid to the original payment method within 5 business days.");
    assertThat(answer.confidence()).isEqualTo(0.8);
    assertThat(answer.citations())
        .containsExactly(
            new Citation(
                returns.sourceId().toString(),
                "Returns Policy",
                "/kb/returns-policy",
                "Refunds are paid to the original payment method within 5 business days.",
                0.8));
  }

  @Test
  void theQuestionsTermsCanOutweighTheCosine() {
    Passage returns = passage("Returns Policy", RETURNS, 0.8);
    FakeSimilarity similarity =
        new FakeSimilarity()
            .with("You can return any item within 30 days of delivery.", 0.5)
            .with("Refunds are paid to the original payment method within 5 business days.", 0.4);

    Answer answer =
        ExtractiveAnswers.answer(
            "When are refunds paid back to my payment method?",
            List.of(returns),
            THRESHOLD,
            similarity);

    assertThat(answer.text()).startsWith("Refunds are paid");
  }

  @Test
  void aHeadingIsNotUsedWhileThePassageHasLongerSentences() {
    Passage returns = passage("Returns Policy", RETURNS, 0.8);
    FakeSimilarity similarity = new FakeSimilarity().with("Returns.", 1.0);

    Answer answer = ExtractiveAnswers.answer("Returns?", List.of(returns), THRESHOLD, similarity);

    assertThat(similarity.asked).doesNotContain("Returns.");
    assertThat(answer.text()).doesNotStartWith("Returns.");
  }

  @Test
  void aSecondSentenceCloseToTheBestIsAddedInThePassagesOrder() {
    Passage returns = passage("Returns Policy", RETURNS, 0.8);
    FakeSimilarity similarity =
        new FakeSimilarity()
            .with("You can return any item within 30 days of delivery.", 0.7)
            .with("Refunds are paid to the original payment method within 5 business days.", 0.8);

    Answer answer =
        ExtractiveAnswers.answer(
            "How do returns and refunds work?", List.of(returns), THRESHOLD, similarity);

    assertThat(answer.text())
        .isEqualTo(
            "You can return any item within 30 days of delivery. Refunds are paid to the original"
                + " payment method within 5 business days.");
    assertThat(answer.citations()).hasSize(1);
    assertThat(answer.citations().getFirst().excerpt()).isEqualTo(answer.text());
  }

  @Test
  void belowTheThresholdItSaysSoAndCitesNothing() {
    Passage returns = passage("Returns Policy", RETURNS, 0.45);
    FakeSimilarity similarity = new FakeSimilarity();

    Answer answer =
        ExtractiveAnswers.answer(
            "Which stadium hosts the final?", List.of(returns), THRESHOLD, similarity);

    assertThat(answer.answered()).isFalse();
    assertThat(answer.text())
        .isEqualTo(ExtractiveAnswers.NOT_FOUND + ExtractiveAnswers.NOT_FOUND_NEXT);
    assertThat(answer.citations()).isEmpty();
    assertThat(answer.confidence()).isEqualTo(0.45);
    assertThat(similarity.asked).isEmpty();
  }

  @Test
  void withNoPassageAtAllTheConfidenceIsZero() {
    Answer answer =
        ExtractiveAnswers.answer("Anything?", List.of(), THRESHOLD, new FakeSimilarity());

    assertThat(answer.answered()).isFalse();
    assertThat(answer.confidence()).isZero();
    assertThat(answer.citations()).isEmpty();
  }

  @Test
  void citesExactlyThePassagesItsSentencesCameFrom() {
    String best = "Standard shipping takes 3 to 5 business days within the country.";
    String alsoGood = "Express shipping takes one business day and costs 15 dollars.";
    String weaker = "Shipping labels are printed at the warehouse every morning.";
    Passage standard = passage("Standard Shipping", best + " Tracking links are e-mailed.", 0.8);
    Passage labels = passage("Labels", weaker, 0.78);
    Passage express = passage("Express Shipping", alsoGood, 0.75);
    FakeSimilarity similarity =
        new FakeSimilarity().with(best, 0.8).with(weaker, 0.3).with(alsoGood, 0.85);

    Answer answer =
        ExtractiveAnswers.answer(
            "How long does shipping take?",
            List.of(standard, labels, express),
            THRESHOLD,
            similarity);

    assertThat(answer.text()).isEqualTo(best + " " + alsoGood);
    assertThat(answer.citations())
        .extracting(Citation::source, Citation::title, Citation::excerpt)
        .containsExactly(
            tuple(standard.sourceId().toString(), "Standard Shipping", best),
            tuple(express.sourceId().toString(), "Express Shipping", alsoGood));
    assertThat(answer.confidence()).isEqualTo(0.8);
  }

  @Test
  void aPassageMoreThanATenthBelowTheBestIsNotUsedHoweverGoodItsSentence() {
    String best = "Standard shipping takes 3 to 5 business days within the country.";
    String farBelow = "International shipping takes up to three weeks by sea.";
    Passage standard = passage("Standard Shipping", best, 0.8);
    Passage international = passage("International Shipping", farBelow, 0.65);
    FakeSimilarity similarity = new FakeSimilarity().with(best, 0.8).with(farBelow, 0.99);

    Answer answer =
        ExtractiveAnswers.answer(
            "How long does shipping take?",
            List.of(standard, international),
            THRESHOLD,
            similarity);

    assertThat(answer.text()).isEqualTo(best);
    assertThat(answer.citations())
        .extracting(Citation::source)
        .containsExactly(standard.sourceId().toString());
  }

  @Test
  void aSentenceAlreadySaidIsNotRepeatedNorItsPassageCited() {
    String sentence = "Standard shipping takes 3 to 5 business days within the country.";
    Passage original = passage("Shipping Policy", sentence, 0.8);
    Passage copy = passage("Shipping FAQ", sentence, 0.79);
    FakeSimilarity similarity = new FakeSimilarity().with(sentence, 0.9);

    Answer answer =
        ExtractiveAnswers.answer(
            "How long does shipping take?", List.of(original, copy), THRESHOLD, similarity);

    assertThat(answer.text()).isEqualTo(sentence);
    assertThat(answer.citations())
        .extracting(Citation::source)
        .containsExactly(original.sourceId().toString());
  }
}
