package io.dealflow.support.knowledge;

import io.dealflow.support.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a source into passages: whole sentences (a Markdown heading is one), a new passage at each
 * paragraph once the current one holds {@value #TARGET} characters, never more than {@value #MAX}
 * (a longer sentence is a passage of its own, cut at a space). A passage is what search ranks and
 * an answer cites, so it is short enough to be one idea and long enough to carry its context.
 */
final class Chunker {

  static final int TARGET = 400;
  static final int MAX = 900;

  private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+([^\\n]*)");

  private Chunker() {}

  static List<String> chunks(String content) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String block : content.split("\\R\\s*\\R")) {
      if (current.length() >= TARGET) {
        flush(current, chunks);
      }
      String paragraph = heading(block);
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

  /**
   * A Markdown heading ({@code # Returns and refunds}) becomes a sentence of its own ({@code
   * Returns and refunds.}), so it is not read as the start of the paragraph that follows it.
   */
  static String heading(String block) {
    StringBuilder text = new StringBuilder();
    for (String line : block.split("\\R")) {
      Matcher heading = HEADING.matcher(line.strip());
      if (!text.isEmpty()) {
        text.append('\n');
      }
      if (!heading.matches()) {
        text.append(line);
        continue;
      }
      String title = heading.group(1).strip();
      text.append(title);
      if (!title.isEmpty() && ".!?:".indexOf(title.charAt(title.length() - 1)) < 0) {
        text.append('.');
      }
    }
    return text.toString();
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
