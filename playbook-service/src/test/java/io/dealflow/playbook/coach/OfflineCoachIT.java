package io.dealflow.playbook.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.playbook.RunningPlaybookService;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The coach with no AI model configured: the offline coach answers from the rep's strategy. */
class OfflineCoachIT extends RunningPlaybookService {

  @Autowired JdbcClient jdbc;

  @Test
  void theAnswerQuotesTheAssignedStrategyAndNamesIt() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    CoachFixtures.assign(jdbc, rep.orgId(), rep.id(), CoachFixtures.STRATEGY);

    List<CoachStream.Event> events =
        CoachStream.answer(
            baseUrl(),
            rep.token(),
            UUID.randomUUID(),
            "What do I say when they tell me they already have CRM reports?");

    assertThat(events.getFirst().name()).isEqualTo("start");
    assertThat(events.getLast().name()).isEqualTo("complete");
    List<CoachStream.Event> chunks = events.subList(1, events.size() - 1);
    assertThat(chunks).hasSizeGreaterThan(1).allMatch(event -> event.name().equals("chunk"));
    String full = events.getLast().data().path("fullContent").asString();
    assertThat(
            chunks.stream()
                .map(e -> e.data().path("content").asString())
                .collect(Collectors.joining()))
        .isEqualTo(full);
    assertThat(full)
        .contains("From your strategy for Contoso Ltd (Pipeline Analytics Suite):")
        .contains("\"We already have CRM reports.\" Agree, then ask how long the Friday forecast")
        .contains("Drawn from: your strategy for Contoso Ltd (Pipeline Analytics Suite)")
        .contains("no AI model wrote them");
  }

  @Test
  void aRepWithoutAnAssignmentIsToldSoAndGetsOnlyLibraryGuidance() {
    TestUser rep = TestUsers.inNewOrganization("rep");

    List<CoachStream.Event> events =
        CoachStream.answer(
            baseUrl(), rep.token(), UUID.randomUUID(), "How should I handle a price objection?");

    String full = events.getLast().data().path("fullContent").asString();
    assertThat(full)
        .startsWith("You have no assignment yet")
        .contains("Price and budget objections:")
        .contains("Drawn from: the coaching library (Price and budget objections).")
        .doesNotContain("Contoso");
  }
}
