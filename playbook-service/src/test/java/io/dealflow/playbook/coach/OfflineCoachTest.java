package io.dealflow.playbook.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;

class OfflineCoachTest {

  private static final Brief.Assignment CONTOSO =
      new Brief.Assignment(
          "Contoso Ltd",
          "Manufacturing",
          "Enterprise buying committee",
          "Pipeline Analytics Suite",
          null,
          "approved",
          CoachFixtures.STRATEGY,
          10,
          30);
  private static final Brief.Assignment NORTHWIND =
      new Brief.Assignment(
          "Northwind",
          null,
          null,
          "AI Coaching",
          null,
          "draft",
          "Open with their ramp time of five months. Ask for a two-week trial with three SDRs.",
          0,
          30);

  private final OfflineCoach coach = new OfflineCoach();

  @Test
  void quotesTheStrategyPassagesThatMatchTheQuestionWithTheirHeading() {
    String answer = ask(new Brief(List.of(CONTOSO)), "They say: not this quarter. What now?");

    assertThat(answer)
        .startsWith("From your strategy for Contoso Ltd (Pipeline Analytics Suite):\n")
        .contains(
            "- Objections and answers: \"Not this quarter.\" Ask what the next forecast"
                + " miss costs.")
        .contains("Timing and stalls:")
        .contains(
            "Drawn from: your strategy for Contoso Ltd (Pipeline Analytics Suite); the coaching"
                + " library (Timing and stalls).");
  }

  @Test
  void everyQuotedLineComesFromTheStrategyOrTheLibrary() {
    String answer = ask(new Brief(List.of(CONTOSO)), "How do I answer the CRM reports objection?");
    String sources = CoachFixtures.STRATEGY.replace("\\\n", "").replace("\n", " ");

    answer
        .lines()
        .filter(line -> line.startsWith("- "))
        .forEach(
            line -> {
              String quoted = line.substring(2).replace("Objections and answers: ", "");
              assertThat(sources.replaceAll("\\s+", " ")).contains(quoted);
            });
    assertThat(answer.lines().filter(line -> line.startsWith("- "))).isNotEmpty();
  }

  @Test
  void theQuestionNamingAClientDrawsOnThatAssignment() {
    String answer = ask(new Brief(List.of(CONTOSO, NORTHWIND)), "How do I open with Northwind?");

    assertThat(answer)
        .startsWith("From your draft strategy for Northwind (AI Coaching):")
        .contains("Open with their ramp time of five months.");
  }

  @Test
  void aQuestionNeitherSourceCoversIsSaidToBeUncovered() {
    String answer = ask(new Brief(List.of(CONTOSO)), "Which wine pairs with salmon?");

    assertThat(answer)
        .contains("does not address this directly")
        .contains("I found nothing about that in your strategy or in the coaching library")
        .contains("Discovery questions")
        .doesNotContain("Drawn from");
  }

  @Test
  void aShortFollowUpLeansOnThePreviousQuestion() {
    Prompt prompt =
        Coach.prompt(
            new Brief(List.of(CONTOSO)),
            List.of(
                turn(CoachTurn.Role.REP, "What is my next step with Contoso?"),
                turn(CoachTurn.Role.COACH, "An earlier answer.")),
            "And then?");

    assertThat(coach.answer(prompt)).contains("Next step to ask for:");
  }

  @Test
  void theSameQuestionGetsTheSameAnswerInPiecesThatJoinIntoIt() {
    Prompt prompt = Coach.prompt(new Brief(List.of(CONTOSO)), List.of(), "Price objection?");

    String first = coach.answer(prompt);
    List<String> pieces = OfflineCoach.pieces(first);

    assertThat(coach.answer(prompt)).isEqualTo(first);
    assertThat(pieces).hasSizeGreaterThan(3);
    assertThat(String.join("", pieces)).isEqualTo(first);
  }

  @Test
  void theBriefReadsBackAsItWasRendered() {
    Brief brief = new Brief(List.of(CONTOSO, NORTHWIND));

    Brief read = Brief.parse(brief.render());

    assertThat(read.assignments()).hasSize(2);
    assertThat(read.assignments().getFirst().strategy()).isEqualTo(CONTOSO.strategy().strip());
    assertThat(read.assignments().getFirst().practicedMinutes()).isEqualTo(10);
    assertThat(read.assignments().get(1).strategyStatus()).isEqualTo("draft");
  }

  @Test
  void historyIsBoundedNewestFirstAndLeavesOutUnfinishedAnswers() {
    List<CoachTurn> turns =
        List.of(
            turn(CoachTurn.Role.REP, "x".repeat(Coach.HISTORY_CHARACTERS)),
            turn(CoachTurn.Role.REP, "old question"),
            turnWithStatus("cancelled answer", CoachTurn.Status.CANCELLED),
            turn(CoachTurn.Role.REP, "new question"),
            turn(CoachTurn.Role.COACH, "new answer"));

    assertThat(Coach.bounded(turns))
        .map(CoachTurn::content)
        .containsExactly("old question", "new question", "new answer");
  }

  private String ask(Brief brief, String question) {
    return coach.answer(Coach.prompt(brief, List.of(), question));
  }

  private static CoachTurn turn(CoachTurn.Role role, String content) {
    return new CoachTurn(
        java.util.UUID.randomUUID(),
        java.util.UUID.randomUUID(),
        role,
        content,
        CoachTurn.Status.COMPLETE,
        null,
        java.time.Instant.now(),
        null,
        null,
        null);
  }

  private static CoachTurn turnWithStatus(String content, CoachTurn.Status status) {
    return new CoachTurn(
        java.util.UUID.randomUUID(),
        java.util.UUID.randomUUID(),
        CoachTurn.Role.COACH,
        content,
        status,
        null,
        java.time.Instant.now(),
        null,
        null,
        null);
  }
}
