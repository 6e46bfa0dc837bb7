package io.dealflow.playbook.coach;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the coach knows about a rep: their assignments, each with its client, product, archetypes
 * and strategy. Rendered into the system message every model receives, and read back from it by the
 * offline coach, so that both work from exactly the same facts.
 */
record Brief(List<Assignment> assignments) {

  /** One assignment as the coach sees it; the strategy text is null when none is usable. */
  record Assignment(
      String client,
      @Nullable String industry,
      @Nullable String clientArchetype,
      String product,
      @Nullable String productArchetype,
      @Nullable String strategyStatus,
      @Nullable String strategy,
      int practicedMinutes,
      int minPracticeMinutes) {

    /** How the coach names this assignment in an answer. */
    String label() {
      return client + " (" + product + ")";
    }
  }

  private static final String INSTRUCTIONS =
      """
      You are the playbook coach of Dealflow. You help a sales rep prepare for and win the deals \
      they are assigned. Answer from the assignment facts below and from sound, general sales \
      practice, and say which of the two you rely on. Never invent facts about the client, the \
      product, prices or people that the facts below do not state; when they do not cover a \
      question, say so. Keep answers short and practical.
      """;

  private static final String BEGIN = "=== Assignment";
  private static final String END = "=== End of assignment";
  private static final String NONE = "The rep has no assignment yet.";

  Brief {
    assignments = List.copyOf(assignments);
  }

  /** The system message: the instructions, then every assignment between markers. */
  String render() {
    StringBuilder text = new StringBuilder(INSTRUCTIONS).append('\n');
    if (assignments.isEmpty()) {
      return text.append(NONE).append('\n').toString();
    }
    text.append("The rep's assignments:\n");
    for (Assignment assignment : assignments) {
      text.append(BEGIN).append('\n');
      line(text, "Client", assignment.client());
      line(text, "Client industry", assignment.industry());
      line(text, "Client archetype", assignment.clientArchetype());
      line(text, "Product", assignment.product());
      line(text, "Product archetype", assignment.productArchetype());
      line(text, "Strategy status", assignment.strategyStatus());
      text.append("Practice: ")
          .append(assignment.practicedMinutes())
          .append(" of ")
          .append(assignment.minPracticeMinutes())
          .append(" minutes\n");
      if (assignment.strategy() != null) {
        text.append("Strategy:\n").append(assignment.strategy().strip()).append('\n');
      }
      text.append(END).append('\n');
    }
    return text.toString();
  }

  /** Reads back what {@link #render} wrote; anything else yields no assignments. */
  static Brief parse(String system) {
    List<Assignment> assignments = new ArrayList<>();
    int at = system.indexOf(BEGIN);
    while (at >= 0) {
      int end = system.indexOf(END, at);
      if (end < 0) {
        break;
      }
      assignments.add(assignment(system.substring(at + BEGIN.length(), end)));
      at = system.indexOf(BEGIN, end);
    }
    return new Brief(assignments);
  }

  private static Assignment assignment(String block) {
    String client = "";
    String industry = null;
    String clientArchetype = null;
    String product = "";
    String productArchetype = null;
    String status = null;
    String strategy = null;
    int practiced = 0;
    int minimum = 0;
    String[] lines = block.strip().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.equals("Strategy:")) {
        strategy = String.join("\n", List.of(lines).subList(i + 1, lines.length)).strip();
        break;
      }
      int colon = line.indexOf(": ");
      if (colon < 0) {
        continue;
      }
      String value = line.substring(colon + 2).strip();
      switch (line.substring(0, colon)) {
        case "Client" -> client = value;
        case "Client industry" -> industry = value;
        case "Client archetype" -> clientArchetype = value;
        case "Product" -> product = value;
        case "Product archetype" -> productArchetype = value;
        case "Strategy status" -> status = value;
        case "Practice" -> {
          String[] parts = value.split(" ");
          practiced = parts.length > 2 ? parseInt(parts[0]) : 0;
          minimum = parts.length > 2 ? parseInt(parts[2]) : 0;
        }
        default -> {
          // Lines the coach does not use.
        }
      }
    }
    return new Assignment(
        client,
        industry,
        clientArchetype,
        product,
        productArchetype,
        status,
        strategy,
        practiced,
        minimum);
  }

  private static int parseInt(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  private static void line(StringBuilder text, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      text.append(name).append(": ").append(value.strip().replace('\n', ' ')).append('\n');
    }
  }
}
