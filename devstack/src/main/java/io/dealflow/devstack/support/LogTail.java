package io.dealflow.devstack.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The last lines of a log file, for failure reports. */
public final class LogTail {

  private LogTail() {}

  public static List<String> lastLines(Path file, int count) {
    Deque<String> tail = new ArrayDeque<>(count);
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(
          line -> {
            if (tail.size() == count) {
              tail.removeFirst();
            }
            tail.addLast(line);
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
    }
    return List.copyOf(tail);
  }

  public static String indented(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append("    ").append(line).append('\n');
    }
    return out.toString();
  }
}
