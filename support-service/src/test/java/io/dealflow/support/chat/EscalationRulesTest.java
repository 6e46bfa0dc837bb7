package io.dealflow.support.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.support.answer.Answer;
import io.dealflow.support.answer.Classification;
import io.dealflow.support.answer.Sentiment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EscalationRulesTest {

  private static final ChatSettings SETTINGS = new ChatSettings(0.5, 0.2, 5, 0.6);

  private static final String QUESTION = "Can express shipping be sent to a post office box?";
  private static final String SAME_QUESTION = "Can you send express shipping to a post office box?";

  private static Classification inquiry() {
    return new Classification("orders_inquiry", "orders", "low", Sentiment.NEUTRAL, false);
  }

  private static Classification personWanted(Sentiment sentiment) {
    return new Classification("human_request", "human_agent", "medium", sentiment, true);
  }

  private static Classification negative() {
    return new Classification("complaint", "complaint", "medium", Sentiment.NEGATIVE, false);
  }

  private static Classification greeting() {
    return new Classification("greeting", "greeting", "low", Sentiment.POSITIVE, false);
  }

  private static Answer answered(double confidence) {
    return new Answer("Express goes to any address.", confidence, List.of(), true, "extractive");
  }

  private static Answer unanswered(double confidence) {
    return new Answer("I couldn't find an answer.", confidence, List.of(), false, "extractive");
  }

  private static Optional<String> reason(
      Classification classification, Answer answer, List<String> unansweredBefore) {
    return EscalationRules.reason(QUESTION, classification, answer, unansweredBefore, SETTINGS);
  }

  @Nested
  class EachReason {

    @Test
    void aRequestForAPersonIsACustomerRequestEvenWhenAnswered() {
      assertThat(reason(personWanted(Sentiment.NEUTRAL), answered(0.9), List.of()))
          .contains("customer_request");
    }

    @Test
    void aNegativeMessageIsHandedOverEvenWhenAnswered() {
      assertThat(reason(negative(), answered(0.9), List.of())).contains("negative_sentiment");
    }

    @Test
    void theSameQuestionUnansweredTwiceIsARepeatedFailure() {
      assertThat(reason(inquiry(), unanswered(0.35), List.of(SAME_QUESTION)))
          .contains("repeated_failure");
    }

    @Test
    void nothingNearTheQuestionIsLowConfidence() {
      assertThat(reason(inquiry(), unanswered(0.19), List.of())).contains("low_confidence");
    }
  }

  @Nested
  class NoHandOver {

    @Test
    void anAnsweredQuestionStaysWithTheAssistant() {
      assertThat(reason(inquiry(), answered(0.6), List.of(SAME_QUESTION))).isEmpty();
    }

    @Test
    void anUnansweredQuestionAskedForTheFirstTimeWithSomethingNearItStays() {
      assertThat(reason(inquiry(), unanswered(0.2), List.of())).isEmpty();
      assertThat(reason(inquiry(), unanswered(0.49), List.of("Where is my parcel?"))).isEmpty();
    }

    @Test
    void aGreetingIsNeverHandedOverForLowConfidence() {
      assertThat(reason(greeting(), unanswered(0.0), List.of())).isEmpty();
    }
  }

  @Nested
  class Order {

    @Test
    void customerRequestComesFirst() {
      assertThat(reason(personWanted(Sentiment.NEGATIVE), unanswered(0.0), List.of(SAME_QUESTION)))
          .contains("customer_request");
    }

    @Test
    void negativeSentimentComesBeforeRepeatedFailureAndLowConfidence() {
      assertThat(reason(negative(), unanswered(0.0), List.of(SAME_QUESTION)))
          .contains("negative_sentiment");
    }

    @Test
    void repeatedFailureComesBeforeLowConfidence() {
      assertThat(reason(inquiry(), unanswered(0.05), List.of(SAME_QUESTION)))
          .contains("repeated_failure");
    }
  }

  @Nested
  class SameQuestion {

    @Test
    void twoQuestionsAreTheSameWhenEachSharesEnoughOfTheOthersTerms() {
      assertThat(EscalationRules.asked(QUESTION, List.of(SAME_QUESTION), 0.6)).isTrue();
      assertThat(
              EscalationRules.asked(QUESTION, List.of("Where is my parcel?", SAME_QUESTION), 0.6))
          .isTrue();
    }

    @Test
    void aShortQuestionInsideALongerOneIsNotTheSame() {
      assertThat(EscalationRules.asked("Express shipping?", List.of(QUESTION), 0.6)).isFalse();
      assertThat(EscalationRules.asked(QUESTION, List.of("Express shipping?"), 0.6)).isFalse();
    }

    @Test
    void theOverlapIsTheSetting() {
      String half = "Can express shipping reach Alaska or Hawaii quickly?";

      assertThat(EscalationRules.asked("Express shipping to Alaska?", List.of(half), 0.5)).isTrue();
      assertThat(EscalationRules.asked("Express shipping to Alaska?", List.of(half), 0.6))
          .isFalse();
    }

    @Test
    void aQuestionWithoutMeaningfulWordsIsNeverTheSame() {
      assertThat(EscalationRules.asked("Hello?", List.of("Hello?"), 0.6)).isFalse();
    }
  }
}
