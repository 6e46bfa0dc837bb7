package io.dealflow.training.objection;

import io.dealflow.training.scenario.ConversationFlow;
import io.dealflow.training.scenario.ProspectPersona;
import io.dealflow.training.scenario.ScenarioDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scenario proposed from an organization's objections, "Objections from your calls":
 *
 * <ul>
 *   <li>category {@code objection_handling}; difficulty from the themes heard: one is {@code
 *       beginner}, two or three {@code intermediate}, four or more {@code advanced};
 *   <li>length: the median of the completed calls heard, between 5 and 30 minutes; 10 minutes
 *       before any call was completed;
 *   <li>the prospect raises the top objections (up to five, {@link ObjectionDigest}) in the
 *       prospects' own words, and answers discovery questions with one pain point per theme;
 *   <li>the prospect, "Alex Morgan, decision maker at a prospect", is a stand-in: the calls tell
 *       what prospects objected to, not who they were, and the description says so.
 * </ul>
 */
final class ObjectionScenario {

  static final String TITLE = "Objections from your calls";
  static final int DEFAULT_SECONDS = 600;
  static final int MIN_SECONDS = 300;
  static final int MAX_SECONDS = 1800;

  private ObjectionScenario() {}

  /**
   * @param durations the lengths of the completed calls heard, in seconds
   */
  static ScenarioDraft propose(ObjectionDigest digest, List<Integer> durations) {
    List<ObjectionTheme> themes = digest.themes().stream().map(ThemeCount::theme).toList();
    String heard =
        digest.themes().stream()
            .map(theme -> theme.theme().label().toLowerCase(Locale.ROOT) + " " + theme.count())
            .collect(Collectors.joining(", "));
    String description =
        ("Assembled from %d objection%s prospects raised in %d of the team's recorded calls (%s)."
                + " The prospect raises them in the prospects' own words, the most frequent"
                + " first. The prospect is a stand-in: the calls tell what prospects objected to,"
                + " not who they were.")
            .formatted(
                digest.heard(), digest.heard() == 1 ? "" : "s", digest.conversations(), heard);
    List<String> coaching = new ArrayList<>();
    coaching.add("Acknowledge the objection, ask about it, then answer it: never argue with it.");
    themes.stream()
        .filter(theme -> theme != ObjectionTheme.OTHER)
        .map(ObjectionTheme::coachingPoint)
        .forEach(coaching::add);
    return new ScenarioDraft(
        TITLE,
        description,
        "objection_handling",
        difficulty(themes.size()),
        seconds(durations),
        List.of(
            "Handle the objections your prospects actually raise: "
                + themes.stream()
                    .map(theme -> theme.label().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")),
            "Acknowledge each objection and explore it with a question before answering it",
            "Agree on a concrete next step"),
        coaching,
        new ProspectPersona(
            "Alex Morgan",
            "Decision maker at a prospect",
            null,
            themes.stream().limit(ObjectionDigest.TOP).map(ObjectionTheme::painPoint).toList(),
            "analytical",
            "direct"),
        new ConversationFlow(
            "Alex Morgan speaking. I have a few minutes, what is this about?",
            themes.stream().map(ObjectionTheme::discoveryQuestion).toList(),
            digest.top()));
  }

  static String difficulty(int themes) {
    if (themes <= 1) {
      return "beginner";
    }
    return themes <= 3 ? "intermediate" : "advanced";
  }

  static int seconds(List<Integer> durations) {
    if (durations.isEmpty()) {
      return DEFAULT_SECONDS;
    }
    List<Integer> sorted = durations.stream().sorted().toList();
    int middle = sorted.size() / 2;
    int median =
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.clamp(median, MIN_SECONDS, MAX_SECONDS);
  }
}
