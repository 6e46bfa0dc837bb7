package io.dealflow.playbook.coach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * General sales coaching guidance built into the offline coach ({@code coach/coaching-library.md}):
 * what it says when a rep's strategy does not cover a question, always named as such.
 */
final class CoachingLibrary {

  /** One entry: its title, the keyword phrases a question may use for it, and the guidance. */
  record Guidance(String title, List<Set<String>> keywords, String text, Set<String> terms) {}

  private static final String RESOURCE = "/coach/coaching-library.md";

  private final List<Guidance> entries;

  private CoachingLibrary(List<Guidance> entries) {
    this.entries = List.copyOf(entries);
  }

  static CoachingLibrary load() {
    try (InputStream in = CoachingLibrary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Entries are {@code ## title}, a {@code keywords:} line, then the guidance's lines. */
  static CoachingLibrary parse(String markdown) {
    List<Guidance> entries = new ArrayList<>();
    String[] sections = markdown.split("(?m)^## ");
    for (int i = 1; i < sections.length; i++) {
      String[] lines = sections[i].strip().split("\n");
      String title = lines[0].strip();
      List<Set<String>> keywords = List.of();
      StringBuilder text = new StringBuilder();
      for (int l = 1; l < lines.length; l++) {
        String line = lines[l].strip();
        if (line.startsWith("keywords:")) {
          keywords =
              Arrays.stream(line.substring("keywords:".length()).split(","))
                  .map(Terms::of)
                  .filter(phrase -> !phrase.isEmpty())
                  .toList();
        } else if (!line.isEmpty()) {
          text.append(text.isEmpty() ? "" : " ").append(line);
        }
      }
      entries.add(new Guidance(title, keywords, text.toString(), Terms.of(text.toString())));
    }
    return new CoachingLibrary(entries);
  }

  List<Guidance> entries() {
    return entries;
  }

  /** The titles, for telling a rep what the library covers. */
  String titles() {
    return entries.stream().map(Guidance::title).collect(Collectors.joining(", "));
  }
}
