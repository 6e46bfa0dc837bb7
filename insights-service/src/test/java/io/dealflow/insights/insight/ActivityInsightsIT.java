package io.dealflow.insights.insight;

import static io.dealflow.insights.insight.InsightsIT.only;
import static io.dealflow.insights.insight.InsightsIT.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.insights.CrmDeals;
import io.dealflow.insights.RunningInsightsService;
import io.dealflow.insights.SalesActivityEvents;
import io.dealflow.insights.activity.ActivityFigures;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.TestEvents;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The rules that read more than deals, from the catalogue's events: qualified leads waiting for a
 * follow-up, a rep who does not practise, a failing integration, rising support escalations and a
 * pipeline too thin for last quarter's result.
 */
class ActivityInsightsIT extends RunningInsightsService {

  @Autowired ActivityFigures figures;

  private final Instant now = Instant.now();

  @Test
  void leadsWaitingForAFollowUpAndARepWhoDoesNotPractiseAreRaised() {
    TestUser manager = TestUsers.inNewOrganization("manager");
    ApiClient client = as(manager);
    SalesActivityEvents activity = SalesActivityEvents.of(manager.orgId());
    CrmDeals crm = CrmDeals.of(manager.orgId());
    // The engine may look at any moment while the events arrive, and an insight raised stays as
    // raised: so the facts that keep a lead or a rep out of an insight come first. Two reps: one
    // practised 45 minutes, the other 10; both in the read model before their deals arrive.
    UUID practised = UUID.randomUUID();
    UUID lagging = UUID.randomUUID();
    activity.trained(practised, 45, daysAgo(3));
    activity.trained(lagging, 10, daysAgo(5));
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> figures.practice(manager.orgId(), daysAgo(30)).size() == 2);
    // Followed up: a conversation after qualifying, or an appointment (stored by their times, so
    // they may come before the qualification). Waiting: qualified 3 days ago, nothing since. Too
    // soon to tell: qualified an hour ago.
    UUID called = UUID.randomUUID();
    UUID booked = UUID.randomUUID();
    activity.conversationCompleted(called, daysAgo(2));
    activity.appointmentScheduled(booked, daysAgo(3));
    activity.qualifiedLead(called, daysAgo(5), daysAgo(4));
    activity.qualifiedLead(booked, daysAgo(5), daysAgo(4));
    UUID waiting = UUID.randomUUID();
    activity.qualifiedLead(waiting, daysAgo(5), daysAgo(3));
    activity.qualifiedLead(UUID.randomUUID(), daysAgo(1), now.minus(Duration.ofHours(1)));
    TestEvents.publish(crm.created(UUID.randomUUID(), 20_000, "proposal", daysAgo(2), practised));
    TestEvents.publish(crm.created(UUID.randomUUID(), 30_000, "lead", daysAgo(2), lagging));
    TestEvents.publish(crm.created(UUID.randomUUID(), 5_000, "qualified", daysAgo(2), lagging));

    String list = "/workspaces/%s/insights".formatted(manager.orgId());
    JsonNode insights =
        until(
            () -> client.get(list),
            body -> types(body).containsAll(List.of("slow_follow_up", "practice_lagging")));

    JsonNode followUp = only(insights, "slow_follow_up");
    assertThat(followUp.get("title").asString()).isEqualTo("Qualified Leads Waiting for Follow-up");
    assertThat(followUp.get("description").asString())
        .startsWith(
            "1 qualified lead had no follow-up (a conversation, an appointment or a status"
                + " change) within 2 days of qualifying; the oldest was qualified on "
                + LocalDate.ofInstant(daysAgo(3), ZoneOffset.UTC)
                + ", 3 days ago.");
    assertThat(followUp.get("priority").asString()).isEqualTo("medium");
    assertThat(followUp.get("subjects")).hasSize(1);
    assertThat(followUp.get("subjects").get(0).get("type").asString()).isEqualTo("lead");
    assertThat(followUp.get("subjects").get(0).get("id").asString()).isEqualTo(waiting.toString());

    JsonNode practice = only(insights, "practice_lagging");
    // One or both of the rep's deals, depending on when the engine looked.
    assertThat(practice.get("description").asString())
        .matches(
            "A rep with (1 open deal worth (30,000|5,000)|2 open deals worth 35,000) practised 10"
                + " minutes in the last 30 days \\(1 session\\), under the 30-minute benchmark\\.");
    assertThat(practice.get("subjects").get(0).get("type").asString()).isEqualTo("user");
    assertThat(practice.get("subjects").get(0).get("id").asString()).isEqualTo(lagging.toString());

    // The lead is called now: it no longer waits (the insight raised stays until someone acts).
    activity.conversationCompleted(waiting, now);
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> figures.waitingLeads(manager.orgId(), daysAgo(2), 10).isEmpty());
  }

  @Test
  void aFailingIntegrationRisingEscalationsAndAThinPipelineAreRaised() {
    TestUser manager = TestUsers.inNewOrganization("manager");
    ApiClient client = as(manager);
    SalesActivityEvents activity = SalesActivityEvents.of(manager.orgId());
    CrmDeals crm = CrmDeals.of(manager.orgId());
    UUID integration = UUID.randomUUID();
    activity.integrationFailed(integration, "HubSpot answered 401: the token was revoked", now);
    for (int i = 0; i < 2; i++) {
      activity.escalated(daysAgo(10));
    }
    for (int i = 0; i < 5; i++) {
      activity.escalated(daysAgo(2));
    }
    // 60,000 won in the middle of last quarter; 90,000 open now: 1.5 times.
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant lastQuarter =
        today
            .withMonth((today.getMonthValue() - 1) / 3 * 3 + 1)
            .withDayOfMonth(1)
            .minusMonths(2)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    // The open deal first, in the read model before the won one: coverage is only judged once a
    // quarter was won, and then against the whole open pipeline.
    TestEvents.publish(crm.created(UUID.randomUUID(), 90_000, "negotiation", now.minusSeconds(30)));
    until(
        () -> client.get("/workspaces/%s/analytics/pipeline".formatted(manager.orgId())),
        body -> body.get("open").get("count").asLong() == 1);
    UUID won = UUID.randomUUID();
    crm.path(
        won,
        60_000,
        new String[] {"proposal", "won"},
        new Instant[] {lastQuarter.minus(Duration.ofDays(10)), lastQuarter});

    String list = "/workspaces/%s/insights".formatted(manager.orgId());
    JsonNode insights =
        until(
            () -> client.get(list),
            body ->
                types(body)
                    .containsAll(
                        List.of(
                            "integration_failing", "escalations_rising", "coverage_below_target")));

    JsonNode failing = only(insights, "integration_failing");
    assertThat(failing.get("priority").asString()).isEqualTo("high");
    assertThat(failing.get("description").asString())
        .startsWith("The latest hubspot sync failed at ")
        .contains(": HubSpot answered 401: the token was revoked.");
    assertThat(failing.get("subjects").get(0).get("id").asString())
        .isEqualTo(integration.toString());

    JsonNode escalations = only(insights, "escalations_rising");
    assertThat(escalations.get("description").asString())
        .isEqualTo(
            "5 support conversations were handed to a person in the last 7 days, against 2 in"
                + " the 7 days before.");
    assertThat(escalations.get("priority").asString()).isEqualTo("medium");

    JsonNode coverage = only(insights, "coverage_below_target");
    assertThat(coverage.get("description").asString())
        .isEqualTo(
            "Your open pipeline of 90,000 covers 1.5 times last quarter's closed-won value of"
                + " 60,000 (1 deal); 3 times is the benchmark to repeat that quarter.");
    assertThat(coverage.get("priority").asString()).isEqualTo("medium");
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }
}
