package io.dealflow.support.answer;

import io.dealflow.support.knowledge.Passage;
import io.dealflow.support.text.Sentences;
import io.dealflow.support.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline answer: the knowledge's own sentences, never words of its own.
 *
 * <ol>
 *   <li>The passages at or above the answer threshold are relevant; without one, the answer says
 *       that the knowledge base does not cover the question ({@link #NOT_FOUND}) and cites nothing.
 *   <li>Each sentence of a relevant passage scores {@code 0.6 × cosine + 0.4 × coverage}: the
 *       similarity of its embedding to the question's, and the share of the question's terms it
 *       holds. Sentences of fewer than four words (headings) are not used while the passage has
 *       longer ones.
 *   <li>From the best passage, its best sentence, and its second best when that scores at least 0.8
 *       of the best (in the passage's order).
 *   <li>From each further relevant passage (at most two), its best sentence when that scores at
 *       least as well as the best passage's best and the passage is within 0.1 of the best one.
 *   <li>At most {@value #MAX_SENTENCES} sentences and {@value #MAX_CHARACTERS} characters, in the
 *       order above. Each passage used is cited with the sentences taken from it as the excerpt.
 * </ol>
 *
 * The answer's confidence is the best passage's.
 */
public final class ExtractiveAnswers {

  public static final String NOT_FOUND =
      "I couldn't find an answer to that in our knowledge base, so I won't guess.";

  /** What follows {@link #NOT_FOUND} when the chat stays with the assistant. */
  public static final String NOT_FOUND_NEXT =
      " You can rephrase the question, or ask for a member of our support team.";

  static final int MAX_SENTENCES = 3;
  static final int MAX_CHARACTERS = 600;

  private ExtractiveAnswers() {}

  /** The cosine similarity of each sentence to the question, in order. */
  @FunctionalInterface
  public interface Similarity {
    double[] of(List<String> sentences);
  }

  public static Answer answer(
      String question, List<Passage> passages, double threshold, Similarity similarity) {
    List<Passage> relevant =
        passages.stream().filter(p -> p.confidence() >= threshold).limit(3).toList();
    if (relevant.isEmpty()) {
      return notFound(passages);
    }
    List<String> terms = Terms.of(question);
    Passage best = relevant.getFirst();
    Map<Passage, List<String>> used = new LinkedHashMap<>();
    List<Scored> ranked = ranked(best, terms, similarity);
    Scored top = ranked.getFirst();
    List<Scored> chosen = new ArrayList<>(List.of(top));
    if (ranked.size() > 1 && ranked.get(1).score() >= 0.8 * top.score()) {
      chosen.add(ranked.get(1));
    }
    chosen.sort((a, b) -> Integer.compare(a.index(), b.index()));
    int length = 0;
    for (Scored sentence : chosen) {
      if (take(used, best, sentence, length)) {
        length += sentence.text().length();
      }
    }
    for (Passage other : relevant.subList(1, relevant.size())) {
      if (count(used) >= MAX_SENTENCES || other.confidence() < best.confidence() - 0.1) {
        break;
      }
      Scored sentence = ranked(other, terms, similarity).getFirst();
      if (sentence.score() >= top.score() && !alreadySaid(used, sentence.text())) {
        if (take(used, other, sentence, length)) {
          length += sentence.text().length();
        }
      }
    }
    List<String> said = new ArrayList<>();
    List<Citation> citations = new ArrayList<>();
    used.forEach(
        (passage, sentences) -> {
          said.addAll(sentences);
          citations.add(
              new Citation(
                  passage.sourceId().toString(),
                  passage.sourceName(),
                  passage.url(),
                  String.join(" ", sentences),
                  passage.confidence()));
        });
    return new Answer(String.join(" ", said), best.confidence(), citations, true, "extractive");
  }

  static Answer notFound(List<Passage> passages) {
    double confidence = passages.isEmpty() ? 0 : passages.getFirst().confidence();
    return new Answer(NOT_FOUND + NOT_FOUND_NEXT, confidence, List.of(), false, "extractive");
  }

  private record Scored(String text, int index, double score) {}

  /** The passage's sentences, best first, earlier first on a tie. */
  private static List<Scored> ranked(Passage passage, List<String> terms, Similarity similarity) {
    List<String> sentences = Sentences.of(passage.content());
    if (sentences.isEmpty()) {
      sentences = List.of(passage.content());
    }
    List<String> candidates = sentences.stream().filter(s -> s.split("\\s+").length >= 4).toList();
    if (candidates.isEmpty()) {
      candidates = sentences;
    }
    double[] cosines = similarity.of(candidates);
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      String sentence = candidates.get(i);
      double score = 0.6 * Math.max(0, cosines[i]) + 0.4 * Terms.coverage(terms, sentence);
      scored.add(new Scored(sentence, sentences.indexOf(sentence), score));
    }
    scored.sort(
        (a, b) ->
            a.score() != b.score()
                ? Double.compare(b.score(), a.score())
                : Integer.compare(a.index(), b.index()));
    return scored;
  }

  private static boolean take(
      Map<Passage, List<String>> used, Passage passage, Scored sentence, int length) {
    if (count(used) >= MAX_SENTENCES
        || (length > 0 && length + sentence.text().length() > MAX_CHARACTERS)) {
      return false;
    }
    used.computeIfAbsent(passage, p -> new ArrayList<>()).add(sentence.text());
    return true;
  }

  private static int count(Map<Passage, List<String>> used) {
    return used.values().stream().mapToInt(List::size).sum();
  }

  private static boolean alreadySaid(Map<Passage, List<String>> used, String sentence) {
    return used.values().stream().flatMap(List::stream).anyMatch(s -> s.equalsIgnoreCase(sentence));
  }
}
