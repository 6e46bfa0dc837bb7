package io.dealflow.support.chat;

import io.dealflow.support.answer.Answer;
import io.dealflow.support.answer.Classification;
import io.dealflow.support.answer.Sentiment;
import io.dealflow.support.text.Terms;
import java.util.List;
import java.util.Optional;

/**
 * When a chat is handed to a person, checked in this order (the first that holds is the reason):
 *
 * <ol>
 *   <li>{@code customer_request}: the customer asks for a person ({@code human_request}).
 *   <li>{@code negative_sentiment}: the message sounds negative.
 *   <li>{@code repeated_failure}: the assistant cannot answer the question, and could not answer
 *       the same question earlier in the session (each shares at least {@code repeat-overlap} of
 *       the other's terms).
 *   <li>{@code low_confidence}: the best passage found is below {@code escalate-below} — the
 *       knowledge has nothing near the question. A greeting is never handed over for it.
 * </ol>
 */
final class EscalationRules {

  private EscalationRules() {}

  static Optional<String> reason(
      String question,
      Classification classification,
      Answer answer,
      List<String> unansweredBefore,
      ChatSettings settings) {
    if (classification.asksForPerson()) {
      return Optional.of("customer_request");
    }
    if (classification.sentiment() == Sentiment.NEGATIVE) {
      return Optional.of("negative_sentiment");
    }
    if (!answer.answered() && asked(question, unansweredBefore, settings.repeatOverlap())) {
      return Optional.of("repeated_failure");
    }
    if (!answer.answered()
        && answer.confidence() < settings.escalateBelow()
        && !classification.intent().equals("greeting")) {
      return Optional.of("low_confidence");
    }
    return Optional.empty();
  }

  static boolean asked(String question, List<String> before, double overlap) {
    List<String> terms = Terms.of(question);
    if (terms.isEmpty()) {
      return false;
    }
    return before.stream()
        .anyMatch(
            earlier ->
                Terms.coverage(terms, earlier) >= overlap
                    && Terms.coverage(Terms.of(earlier), question) >= overlap);
  }
}
