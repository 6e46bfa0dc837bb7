package io.dealflow.crm.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.analysis.ConversationAnalysis.Assessment;
import io.dealflow.crm.analysis.ConversationAnalysis.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationAnalysisTest {

  static Line assistant(String content) {
    return new Line("assistant", content, SentimentLexicon.judge(content).sentiment());
  }

  static Line human(String content) {
    return new Line("human", content, SentimentLexicon.judge(content).sentiment());
  }

  @Test
  void aWarmDialogueWithBuyingSignalsScoresHighAndIsPositive() {
    Assessment assessment =
        ConversationAnalysis.assess(
            List.of(
                assistant("Hello, how can I help you today?"),
                human("We love the product and want a demo."),
                assistant("Great, what is your timeline?"),
                human("Great question. We need the contract and pricing this month.")));

    assertThat(assessment.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(assessment.sentimentPoints()).isEqualTo(5.0);
    assertThat(assessment.participationPoints()).isEqualTo(2.5);
    assertThat(assessment.buyingSignals()).containsExactly("demo", "contract", "pricing");
    assertThat(assessment.signalPoints()).isEqualTo(1.5);
    assertThat(assessment.score()).isEqualTo(9.0);
  }

  @Test
  void theProspectsComplaintsMakeItNegativeWhateverTheAssistantSays() {
    Assessment assessment =
        ConversationAnalysis.assess(
            List.of(
                assistant("This is a great, excellent offer!"),
                human("It is too expensive, and the last tool was a disaster."),
                human("Not interested.")));

    assertThat(assessment.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(assessment.sentimentPoints()).isZero();
    assertThat(assessment.score()).isLessThan(3.0);
  }

  @Test
  void aMonologueGetsNoParticipationPoints() {
    Assessment assessment =
        ConversationAnalysis.assess(
            List.of(assistant("Hello?"), assistant("Is anyone there?"), assistant("Goodbye.")));

    assertThat(assessment.participationPoints()).isZero();
    assertThat(assessment.sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(assessment.score()).isEqualTo(2.5);
  }

  @Test
  void aConversationWithoutLinesScoresZeroAndIsNeutral() {
    Assessment assessment = ConversationAnalysis.assess(List.of());

    assertThat(assessment.score()).isZero();
    assertThat(assessment.sentiment()).isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void buyingSignalsAreCappedAtTwoAndAHalfPoints() {
    Assessment assessment =
        ConversationAnalysis.assess(
            List.of(
                assistant("Anything else?"),
                human("price demo trial contract proposal quote timeline onboarding")));

    assertThat(assessment.signalPoints()).isEqualTo(2.5);
  }

  @Test
  void sellerSideSpeakersAreRecognisedWhateverTheirCase() {
    assertThat(ConversationAnalysis.isSellerSide("Assistant")).isTrue();
    assertThat(ConversationAnalysis.isSellerSide("agent")).isTrue();
    assertThat(ConversationAnalysis.isSellerSide("human")).isFalse();
    assertThat(ConversationAnalysis.isSellerSide("customer")).isFalse();
  }
}
