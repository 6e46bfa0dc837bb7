package io.dealflow.support.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A text split into sentences (and a line that ends without punctuation is a sentence too). */
public final class Sentences {

  private Sentences() {}

  /** The text's sentences, trimmed, in order; blank ones dropped. */
  public static List<String> of(String text) {
    List<String> sentences = new ArrayList<>();
    for (String block : text.split("\\R\\s*\\R|\\R(?=\\s*[-*#•]|\\s*\\d+[.)]\\s)")) {
      String paragraph = block.replaceAll("\\s+", " ").strip();
      if (paragraph.isEmpty()) {
        continue;
      }
      BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
      breaks.setText(paragraph);
      int start = breaks.first();
      for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
        String sentence = paragraph.substring(start, end).strip();
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
        }
      }
    }
    return sentences;
  }
}
