package io.dealflow.crm.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentLexiconTest {

  @Test
  void praiseIsPositiveAndNamesTheWordsThatCounted() {
    SentimentLexicon.Judgement judgement =
        SentimentLexicon.judge("This looks great, really helpful for our team.");

    assertThat(judgement.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(judgement.positive()).containsExactly("great", "helpful");
    assertThat(judgement.negative()).isEmpty();
    assertThat(judgement.compound()).isBetween(0.05, 1.0);
  }

  @Test
  void complaintsAreNegative() {
    SentimentLexicon.Judgement judgement =
        SentimentLexicon.judge("Honestly it is too expensive and the setup was a disaster.");

    assertThat(judgement.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(judgement.negative()).containsExactly("expensive", "disaster");
  }

  @Test
  void negationFlipsAWord() {
    assertThat(SentimentLexicon.judge("We are interested").sentiment())
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(SentimentLexicon.judge("We are not interested").sentiment())
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(SentimentLexicon.judge("That's not a problem").sentiment())
        .isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void anIntensifierStrengthensAWord() {
    double plain = SentimentLexicon.judge("That is good").compound();
    double intensified = SentimentLexicon.judge("That is very good").compound();

    assertThat(intensified).isGreaterThan(plain);
  }

  @Test
  void aLineWithoutLexiconWordsIsNeutral() {
    SentimentLexicon.Judgement judgement =
        SentimentLexicon.judge("Hello, how can I help you today?");

    assertThat(judgement.sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(judgement.compound()).isZero();
  }

  @Test
  void mixedWordsThatCancelOutAreNeutral() {
    assertThat(SentimentLexicon.judge("Good product, but a problem with support").sentiment())
        .isEqualTo(Sentiment.NEUTRAL);
  }
}
