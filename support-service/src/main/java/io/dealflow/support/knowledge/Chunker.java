package io.dealflow.support.knowledge;

import io.dealflow.support.text.Sentences;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a source into passages: whole sentences, a new passage at each paragraph once the current
 * one holds {@value #TARGET} characters, never more than {@value #MAX} (a longer sentence is a
 * passage of its own, cut at a space). A passage is what search ranks and an answer cites, so it is
 * short enough to be one idea and long enough to carry its context.
 */
final class Chunker {

  static final int TARGET = 400;
  static final int MAX = 900;

  private Chunker() {}

  static List<String> chunks(String content) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String paragraph : content.split("\\R\\s*\\R")) {
      if (current.length() >= TARGET) {
        flush(current, chunks);
      }
      for (String sentence : Sentences.of(paragraph)) {
        if (current.length() + sentence.length() + 1 > MAX) {
          flush(current, chunks);
        }
        if (sentence.length() > MAX) {
          splitLong(sentence, chunks);
          continue;
        }
        if (!current.isEmpty()) {
          current.append(' ');
        }
        current.append(sentence);
      }
    }
    flush(current, chunks);
    return chunks;
  }

  private static void splitLong(String sentence, List<String> chunks) {
    String rest = sentence;
    while (rest.length() > MAX) {
      int cut = rest.lastIndexOf(' ', MAX);
      if (cut <= 0) {
        cut = MAX;
      }
      chunks.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      chunks.add(rest);
    }
  }

  private static void flush(StringBuilder current, List<String> chunks) {
    if (!current.isEmpty()) {
      chunks.add(current.toString());
      current.setLength(0);
    }
  }
}
