package io.dealflow.support.answer;

import java.util.List;

/**
 * An answer to a customer's question.
 *
 * @param text what to say
 * @param confidence from retrieval: the best cited passage's confidence, or the best passage found
 *     when none was good enough to cite (0 when none was found)
 * @param citations exactly the passages the text is made of; empty when the knowledge had no answer
 * @param answered whether the knowledge answered the question; when not, the text says so
 * @param writer {@code extractive} (offline) or {@code model}
 */
public record Answer(
    String text, double confidence, List<Citation> citations, boolean answered, String writer) {

  public Answer {
    citations = List.copyOf(citations);
  }
}
