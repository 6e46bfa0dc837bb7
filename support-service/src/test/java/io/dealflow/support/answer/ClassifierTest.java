package io.dealflow.support.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {

  private static Classification classify(String message) {
    return Classifier.classify(message, null, null);
  }

  @Nested
  class Intents {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "I want to talk to a human",
          "Can I speak to someone please?",
          "Get me a real person",
          "I need an agent about my refund",
          "Is there a representative available?",
          "Put me through to customer service"
        })
    void askingForAPersonIsAHumanRequestBeforeAnyOtherRule(String message) {
      Classification classification = classify(message);

      assertThat(classification.intent()).isEqualTo("human_request");
      assertThat(classification.topic()).isEqualTo("human_agent");
      assertThat(classification.asksForPerson()).isTrue();
      assertThat(classification.urgency()).isEqualTo("medium");
    }

    @Test
    void aComplaintIsSaidOrSoundsNegativeAndPersistent() {
      assertThat(classify("I want to file a complaint about my delivery").intent())
          .isEqualTo("complaint");
      Classification persistent = classify("The app is broken again and this is frustrating");
      assertThat(persistent.sentiment()).isEqualTo(Sentiment.NEGATIVE);
      assertThat(persistent.intent()).isEqualTo("complaint");
      assertThat(persistent.topic()).isEqualTo("complaint");
      assertThat(persistent.urgency()).isEqualTo("medium");
    }

    @Test
    void negativeWithoutAPersistenceWordIsNoComplaint() {
      Classification classification = classify("The app is broken and this is frustrating");

      assertThat(classification.sentiment()).isEqualTo(Sentiment.NEGATIVE);
      assertThat(classification.intent()).isEqualTo("technical_support");
    }

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(
        delimiter = '|',
        value = {
          "Please cancel my subscription | cancellation | cancellation",
          "I want to unsubscribe from the newsletter | cancellation | cancellation",
          "I forgot my password | password_reset | account_access",
          "I am locked out of the app | password_reset | account_access",
          "Why was I charged twice this month? | billing_inquiry | billing",
          "Where is my invoice? | billing_inquiry | billing",
          "What is the price of the premium plan? | billing_inquiry | billing",
          "Where is my package? | order_status | orders",
          "Has my parcel shipped yet? | order_status | orders",
          "The app shows an error when I upload a photo | technical_support | technical",
          "The upload button is not working | technical_support | technical",
          "How do I update my profile? | account_inquiry | account",
          "I cannot sign in on my phone | account_inquiry | account"
        })
    void theServiceIntentsAreRecognisedByTheirWords(String message, String intent, String topic) {
      Classification classification = classify(message);

      assertThat(classification.intent()).isEqualTo(intent);
      assertThat(classification.topic()).isEqualTo(topic);
      assertThat(classification.asksForPerson()).isFalse();
    }

    @Test
    void theFirstServiceIntentInTheDocumentedOrderWins() {
      assertThat(classify("Cancel my order").intent()).isEqualTo("cancellation");
      assertThat(classify("I want a refund for my order").intent()).isEqualTo("billing_inquiry");
      assertThat(classify("My order page shows an error").intent()).isEqualTo("order_status");
      assertThat(classify("Login error on the account page").intent())
          .isEqualTo("technical_support");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "hi there!", "Good morning", "Thank you.", "Hey"})
    void aMessageOfOnlyGreetingsIsAGreeting(String message) {
      Classification classification = classify(message);

      assertThat(classification.intent()).isEqualTo("greeting");
      assertThat(classification.topic()).isEqualTo("greeting");
    }

    @Test
    void aGreetingWithAQuestionIsNotAGreeting() {
      assertThat(classify("Hello, where is my package?").intent()).isEqualTo("order_status");
      assertThat(classify("Hi, what time do you open?").intent()).isNotEqualTo("greeting");
    }
  }

  @Nested
  class Topics {

    @Test
    void theTopicIsTheQuestionsFirstTwoTermsThatTheBestPassageAlsoHolds() {
      Classification classification =
          Classifier.classify(
              "What are your trading hours?",
              "Our trading hours are Monday through Friday, 9:30 AM to 4:00 PM Eastern Time.",
              "policies");

      assertThat(classification.topic()).isEqualTo("trading_hours");
      assertThat(classification.intent()).isEqualTo("trading_hours_inquiry");
      assertThat(classification.urgency()).isEqualTo("low");
    }

    @Test
    void termsAreMatchedByTheirStemsAndNamedAsWritten() {
      Classification classification =
          Classifier.classify(
              "When do the markets close for holidays?",
              "The market is closed on public holidays.",
              null);

      assertThat(classification.topic()).isEqualTo("markets_close");
    }

    @Test
    void oneSharedTermIsEnough() {
      assertThat(
              Classifier.classify(
                      "Do you sell gift cards?", "Gift vouchers are sold in store.", null)
                  .intent())
          .isEqualTo("gift_inquiry");
    }

    @Test
    void numbersAreNeverATopic() {
      Classification classification =
          Classifier.classify(
              "Is the museum open at 9:30 on Sundays?",
              "On Sundays the doors open at 9:30 for members.",
              null);

      assertThat(classification.topic()).isEqualTo("open_sundays");
      assertThat(
              Classifier.classify("What happens at 9:30?", "At 9:30 the gates open.", null).topic())
          .isEqualTo("general");
    }

    @Test
    void withoutASharedTermThePassagesCategoryNamesTheTopic() {
      Classification classification =
          Classifier.classify(
              "When does the market open?", "Trading starts at 9:30 AM.", "Market Schedule");

      assertThat(classification.topic()).isEqualTo("market_schedule");
      assertThat(classification.intent()).isEqualTo("market_schedule_inquiry");
    }

    @Test
    void withoutAPassageTheTopicIsGeneral() {
      assertThat(classify("When does the market open?").intent()).isEqualTo("general_inquiry");
    }
  }

  @Nested
  class Urgency {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "This is urgent, where is my package?",
          "Please answer asap",
          "Block my card immediately",
          "It is an emergency",
          "I need help right now",
          "I think this is fraud",
          "My card was stolen",
          "My profile was hacked",
          "There is an unauthorised payment on my statement"
        })
    void urgentWordsAreHigh(String message) {
      assertThat(classify(message).urgency()).isEqualTo("high");
    }

    @Test
    void aComplaintANegativeMessageOrAHumanRequestIsMedium() {
      assertThat(classify("I have a complaint").urgency()).isEqualTo("medium");
      assertThat(classify("This is terrible").urgency()).isEqualTo("medium");
      assertThat(classify("Let me talk to a human").urgency()).isEqualTo("medium");
    }

    @Test
    void anythingElseIsLow() {
      assertThat(classify("How long does shipping take?").urgency()).isEqualTo("low");
    }
  }

  @Nested
  class Sentiments {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Thanks, that was really helpful | POSITIVE",
          "The parcel arrived today | NEUTRAL",
          "There is a problem with my parcel | NEUTRAL",
          "The delivery was slow and the tracking is confusing | NEGATIVE",
          "Slow delivery but the support was great | NEUTRAL",
          "This is the worst service | NEGATIVE",
          "I hate this | NEGATIVE",
          "That is not helpful | NEUTRAL",
          "That is not helpful and not good either | NEGATIVE",
          "It was never helpful | NEUTRAL",
          "Not so good, not really helpful | NEGATIVE",
          "Not bad at all | POSITIVE",
          "I am not angry | POSITIVE",
          "The answer isn't wrong | POSITIVE",
          "Not at all helpful | POSITIVE"
        })
    void countsPositiveAndNegativeWordsWithNegationWithinTwoWords(
        String message, Sentiment sentiment) {
      assertThat(classify(message).sentiment()).isEqualTo(sentiment);
    }
  }
}
