package io.dealflow.training.objection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.training.scenario.ScenarioDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectionDigestTest {

  private static final UUID ORG = UUID.randomUUID();
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  /** Objections heard one second apart, in the order given, returned newest first. */
  private static List<HeardObjection> heard(UUID conversation, String... lines) {
    List<HeardObjection> heard = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      heard.add(
          new HeardObjection(
              UUID.randomUUID(),
              ORG,
              conversation,
              UUID.randomUUID(),
              lines[i],
              ObjectionTheme.of(lines[i]),
              START.plusSeconds(i),
              UUID.randomUUID()));
    }
    return heard.reversed();
  }

  @Test
  void themesAreCountedMostFrequentFirstWithTheirDistinctLines() {
    ObjectionDigest digest =
        ObjectionDigest.of(
            heard(
                UUID.randomUUID(),
                "That's too expensive for us",
                "We already work with another vendor",
                "Budget is tight this year",
                "that's too EXPENSIVE for us!",
                "Not a good time"));

    assertThat(digest.heard()).isEqualTo(5);
    assertThat(digest.conversations()).isEqualTo(1);
    assertThat(digest.firstHeardAt()).isEqualTo(START);
    assertThat(digest.lastHeardAt()).isEqualTo(START.plusSeconds(4));
    assertThat(digest.themes())
        .extracting(ThemeCount::theme, ThemeCount::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ObjectionTheme.PRICE, 3),
            org.assertj.core.groups.Tuple.tuple(ObjectionTheme.INCUMBENT, 1),
            org.assertj.core.groups.Tuple.tuple(ObjectionTheme.TIMING, 1));
    assertThat(digest.themes().getFirst().examples())
        .containsExactly("that's too EXPENSIVE for us!", "Budget is tight this year");
  }

  @Test
  void theTopObjectionsTakeEachThemeFirstThenTheMostFrequentUpToFive() {
    ObjectionDigest digest =
        ObjectionDigest.of(
            heard(
                UUID.randomUUID(),
                "Too expensive",
                "Too expensive",
                "Too expensive",
                "Budget is tight",
                "Budget is tight",
                "No budget left",
                "Can't afford it",
                "We already have a vendor",
                "I'm busy",
                "Need to check with my boss"));

    assertThat(digest.top())
        .containsExactly(
            "Too expensive",
            "We already have a vendor",
            "Need to check with my boss",
            "I'm busy",
            "Budget is tight");
  }

  @Test
  void examplesStopAtThree() {
    ObjectionDigest digest =
        ObjectionDigest.of(
            heard(UUID.randomUUID(), "Budget a", "Budget b", "Budget c", "Budget d"));

    assertThat(digest.themes().getFirst().examples())
        .containsExactly("Budget d", "Budget c", "Budget b");
  }

  @Test
  void conversationsAreCountedOnce() {
    List<HeardObjection> heard = new ArrayList<>(heard(UUID.randomUUID(), "Too expensive"));
    UUID other = UUID.randomUUID();
    heard.addAll(heard(other, "I'm busy", "Not interested"));

    assertThat(ObjectionDigest.of(heard).conversations()).isEqualTo(2);
  }

  @Test
  void nothingHeardIsNoDigest() {
    assertThatThrownBy(() -> ObjectionDigest.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProposedScenarioRaisesTheTopObjectionsAndSaysWhereItComesFrom() {
    ObjectionDigest digest =
        ObjectionDigest.of(
            heard(
                UUID.randomUUID(),
                "That's too expensive for us",
                "We already work with another vendor",
                "Budget is tight this year"));

    ScenarioDraft draft = ObjectionScenario.propose(digest, List.of(900, 1500));

    assertThat(draft.title()).isEqualTo("Objections from your calls");
    assertThat(draft.category()).isEqualTo("objection_handling");
    assertThat(draft.difficulty()).isEqualTo("intermediate");
    assertThat(draft.estimatedDuration()).isEqualTo(1200);
    assertThat(draft.description())
        .contains("3 objections", "1 of the team's recorded calls", "stand-in");
    assertThat(draft.flow().objectionScenarios())
        .containsExactly(
            "Budget is tight this year",
            "We already work with another vendor",
            "That's too expensive for us");
    assertThat(draft.flow().discoveryQuestions()).hasSize(2);
    assertThat(draft.persona().name()).isEqualTo("Alex Morgan");
    assertThat(draft.persona().title()).isEqualTo("Decision maker at a prospect");
    assertThat(draft.persona().painPoints())
        .containsExactly(ObjectionTheme.PRICE.painPoint(), ObjectionTheme.INCUMBENT.painPoint());
    assertThat(draft.coachingPoints()).hasSize(3);
  }

  @Test
  void difficultyGrowsWithTheThemesHeard() {
    assertThat(ObjectionScenario.difficulty(1)).isEqualTo("beginner");
    assertThat(ObjectionScenario.difficulty(2)).isEqualTo("intermediate");
    assertThat(ObjectionScenario.difficulty(3)).isEqualTo("intermediate");
    assertThat(ObjectionScenario.difficulty(4)).isEqualTo("advanced");
    assertThat(ObjectionScenario.difficulty(7)).isEqualTo("advanced");
  }

  @Test
  void lengthIsTheMedianCallBetweenFiveAndThirtyMinutes() {
    assertThat(ObjectionScenario.seconds(List.of())).isEqualTo(600);
    assertThat(ObjectionScenario.seconds(List.of(700, 100, 900))).isEqualTo(700);
    assertThat(ObjectionScenario.seconds(List.of(900, 1500))).isEqualTo(1200);
    assertThat(ObjectionScenario.seconds(List.of(30, 60))).isEqualTo(300);
    assertThat(ObjectionScenario.seconds(List.of(3600))).isEqualTo(1800);
  }
}
