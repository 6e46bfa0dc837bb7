package io.dealflow.insights.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.insights.CrmDeals;
import io.dealflow.insights.RunningInsightsService;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestEvents;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * crm's deal events on Kafka, through consumer {@code pipeline-deals}, to the VectorOS analytics of
 * the workspace: pipeline sums, conversion and forecast against figures worked out by hand, events
 * out of order and twice, and another workspace's members refused.
 */
class PipelineAnalyticsIT extends RunningInsightsService {

  private static final List<String> DEAL_TOPICS =
      List.of("deal.created", "deal.stage.changed", "deal.won", "deal.lost", "deal.deleted");

  private final Instant now = Instant.now();

  @Test
  void aFreshWorkspaceWithDealsOf12345And54321Shows66666() {
    TestUser member = TestUsers.inNewOrganization("rep");
    CrmDeals crm = CrmDeals.of(member.orgId());
    // One as crm wrote deal.created before it carried the whole deal (retained topics hold such).
    TestEvents.publish(crm.createdInTheFormerShape(UUID.randomUUID(), 12_345, "lead", daysAgo(2)));
    TestEvents.publish(crm.created(UUID.randomUUID(), 54_321, "proposal", daysAgo(1)));

    JsonNode pipeline =
        until(
            () -> as(member).get(pipelinePath(member.orgId())),
            body -> body.get("totals").get("count").asLong() == 2);
    assertThat(money(pipeline.get("totals").get("value"))).isEqualByComparingTo("66666.00");
    // 10 % of 12,345 + 50 % of 54,321
    assertThat(money(pipeline.get("totals").get("weightedValue"))).isEqualByComparingTo("28395.00");
    assertThat(money(pipeline.get("open").get("value"))).isEqualByComparingTo("66666.00");
    Map<String, JsonNode> stages = byStage(pipeline.get("stages"));
    assertThat(stages.keySet())
        .containsExactly("lead", "qualified", "proposal", "negotiation", "won", "lost");
    assertThat(stages.get("lead").get("count").asLong()).isEqualTo(1);
    assertThat(money(stages.get("lead").get("weightedValue"))).isEqualByComparingTo("1234.50");
    assertThat(stages.get("proposal").get("probability").asDouble()).isEqualTo(0.5);
    assertThat(money(stages.get("proposal").get("weightedValue"))).isEqualByComparingTo("27160.50");
    assertThat(stages.get("won").get("count").asLong()).isZero();
  }

  @Test
  void eventsOutOfOrderTwiceOrDeletedLeaveTheRightPipeline() {
    TestUser member = TestUsers.inNewOrganization("rep");
    CrmDeals crm = CrmDeals.of(member.orgId());
    UUID moved = UUID.randomUUID();
    // The stage change is applied before the creation it follows: the newer stage stays.
    TestEvents.publish(crm.moved(moved, "lead", "negotiation", 20_000, daysAgo(1)));
    TestEvents.publish(crm.created(moved, 20_000, "lead", daysAgo(5)));
    ObjectNode twice = crm.created(UUID.randomUUID(), 5_000, "lead", daysAgo(3));
    TestEvents.publish(twice);
    TestEvents.publish(twice);
    UUID removed = UUID.randomUUID();
    TestEvents.publish(crm.created(removed, 7_000, "qualified", daysAgo(4)));
    TestEvents.publish(crm.deleted(removed, "qualified", 7_000, daysAgo(2)));
    awaitApplied();

    Map<String, JsonNode> stages =
        byStage(as(member).get(pipelinePath(member.orgId())).json().get("stages"));
    assertThat(stages.get("negotiation").get("count").asLong()).isEqualTo(1);
    assertThat(money(stages.get("negotiation").get("value"))).isEqualByComparingTo("20000");
    assertThat(stages.get("lead").get("count").asLong()).isEqualTo(1);
    assertThat(money(stages.get("lead").get("value"))).isEqualByComparingTo("5000");
    assertThat(stages.get("qualified").get("count").asLong()).isZero();
  }

  @Test
  void conversionCountsTheFunnelOfThePeriodsDealsAndTheDealsClosedInIt() {
    TestUser member = TestUsers.inNewOrganization("manager");
    CrmDeals crm = CrmDeals.of(member.orgId());
    crm.path(
        UUID.randomUUID(),
        10_000,
        new String[] {"lead", "qualified", "proposal", "won"},
        days(25, 20, 15, 5));
    crm.path(
        UUID.randomUUID(), 4_000, new String[] {"lead", "qualified", "lost"}, days(24, 18, 10));
    crm.path(UUID.randomUUID(), 1_000, new String[] {"lead"}, days(23));
    crm.path(
        UUID.randomUUID(), 6_000, new String[] {"proposal", "negotiation", "won"}, days(22, 12, 2));
    // Created before the period, won in it: a closed deal of the period, not of its funnel.
    crm.path(UUID.randomUUID(), 2_000, new String[] {"lead", "won"}, days(60, 3));
    awaitApplied();

    JsonNode conversion =
        as(member)
            .get(
                "/workspaces/%s/analytics/conversion?from=%s&to=%s"
                    .formatted(member.orgId(), daysAgo(30), now.plusSeconds(60)))
            .json();
    Map<String, JsonNode> funnel = byStage(conversion.get("funnel"));
    // Reached (the stage or a later one): 4 / 3 / 2 / 2 / 2.
    assertThat(funnel.values().stream().map(step -> step.get("reached").asLong()).toList())
        .containsExactly(4L, 3L, 2L, 2L, 2L);
    assertThat(funnel.get("lead").get("conversionToNext").asDouble()).isEqualTo(0.75);
    assertThat(funnel.get("qualified").get("conversionToNext").asDouble()).isEqualTo(0.6667);
    assertThat(funnel.get("proposal").get("conversionToNext").asDouble()).isEqualTo(1.0);
    assertThat(funnel.get("won").get("conversionToNext").isNull()).isTrue();
    assertThat(conversion.get("won").asLong()).isEqualTo(3);
    assertThat(conversion.get("lost").asLong()).isEqualTo(1);
    assertThat(conversion.get("winRate").asDouble()).isEqualTo(0.75);
    // (20 + 20 + 57) / 3 days from creation to won
    assertThat(conversion.get("averageCycleDays").asDouble()).isEqualTo(32.3);
  }

  @Test
  void theForecastWeighsOpenDealsByTheWorkspacesOwnWinRatesAndDaysToWin() {
    TestUser member = TestUsers.inNewOrganization("rep");
    CrmDeals crm = CrmDeals.of(member.orgId());
    // History from proposal: 3 won 10 days after entering it, 2 lost: win rate 0.6, 10 days.
    for (int i = 0; i < 3; i++) {
      crm.path(UUID.randomUUID(), 1_000, new String[] {"proposal", "won"}, days(100, 90));
    }
    for (int i = 0; i < 2; i++) {
      crm.path(UUID.randomUUID(), 1_000, new String[] {"proposal", "lost"}, days(100, 95));
    }
    // Open: two in proposal (due 10 days ago, and in 9 days), one in negotiation (in 13 days by
    // its default 14 days), one lead (in 89 days by its default 90: in the quarter only).
    crm.path(UUID.randomUUID(), 10_000, new String[] {"proposal"}, days(20));
    crm.path(UUID.randomUUID(), 20_000, new String[] {"proposal"}, days(1));
    crm.path(UUID.randomUUID(), 8_000, new String[] {"negotiation"}, days(1));
    crm.path(UUID.randomUUID(), 50_000, new String[] {"lead"}, days(1));
    awaitApplied();

    JsonNode forecast =
        as(member).get("/workspaces/%s/analytics/forecast".formatted(member.orgId())).json();
    assertThat(forecast.get("method").asString()).contains("historical win rate");
    Map<String, JsonNode> basis = byStage(forecast.get("stages"));
    assertThat(basis.get("proposal").get("winRate").asDouble()).isEqualTo(0.6);
    assertThat(basis.get("proposal").get("winRateSource").asString()).isEqualTo("history");
    assertThat(basis.get("proposal").get("daysToWin").asDouble()).isEqualTo(10.0);
    assertThat(basis.get("negotiation").get("winRateSource").asString()).isEqualTo("stage_default");
    // Month: 0.6 × (10,000 + 20,000) + 0.75 × 8,000 = 24,000, ± 1.2816 × √(0.24 × 5e8 +
    // 0.1875 × 6.4e7)
    JsonNode month = forecast.get("nextMonth");
    assertThat(money(month.get("expected"))).isEqualByComparingTo("24000.00");
    assertThat(money(month.get("low"))).isEqualByComparingTo("9275.54");
    assertThat(money(month.get("high"))).isEqualByComparingTo("38724.46");
    assertThat(month.get("deals").asLong()).isEqualTo(3);
    // Quarter: the lead too, 0.1 × 50,000.
    JsonNode quarter = forecast.get("nextQuarter");
    assertThat(money(quarter.get("expected"))).isEqualByComparingTo("29000.00");
    assertThat(money(quarter.get("low"))).isEqualByComparingTo("4784.88");
    assertThat(money(quarter.get("high"))).isEqualByComparingTo("53215.12");
    assertThat(quarter.get("deals").asLong()).isEqualTo(4);
  }

  @Test
  void anotherWorkspacesMembersGet404AndABadPeriodAValidationError() {
    TestUser member = TestUsers.inNewOrganization("admin");
    TestUser stranger = TestUsers.inNewOrganization("admin");
    for (String path : List.of("pipeline", "conversion", "forecast")) {
      Response refused =
          as(stranger).get("/workspaces/%s/analytics/%s".formatted(member.orgId(), path));
      assertThat(refused.status()).as(path).isEqualTo(404);
      assertThat(refused.json().propertyNames()).containsExactly("error", "code", "details");
      assertThat(refused.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }
    Response garbage =
        as(member)
            .get("/workspaces/%s/analytics/conversion?from=yesterday".formatted(member.orgId()));
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(garbage.json().get("details").get("fields").has("from")).isTrue();
    Response backwards =
        as(member)
            .get(
                "/workspaces/%s/analytics/conversion?from=2026-03-01&to=2026-02-01"
                    .formatted(member.orgId()));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(as(member).get(pipelinePath(member.orgId())).status()).isEqualTo(200);
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days));
  }

  private Instant[] days(int... ago) {
    Instant[] at = new Instant[ago.length];
    for (int i = 0; i < ago.length; i++) {
      at[i] = daysAgo(ago[i]);
    }
    return at;
  }

  private static String pipelinePath(UUID workspaceId) {
    return "/workspaces/%s/analytics/pipeline".formatted(workspaceId);
  }

  private static BigDecimal money(JsonNode value) {
    return new BigDecimal(value.asString());
  }

  private static Map<String, JsonNode> byStage(JsonNode list) {
    Map<String, JsonNode> byStage = new java.util.LinkedHashMap<>();
    list.forEach(item -> byStage.put(item.get("stage").asString(), item));
    return byStage;
  }

  /** Until consumer pipeline-deals has applied every deal event published so far. */
  private static void awaitApplied() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.kafka().bootstrapServers()))) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        Map<TopicPartition, Long> ends =
            admin
                .listOffsets(
                    admin
                        .describeTopics(
                            DEAL_TOPICS.stream()
                                .filter(admin.listTopics().names().get()::contains)
                                .toList())
                        .allTopicNames()
                        .get()
                        .values()
                        .stream()
                        .flatMap(
                            topic ->
                                topic.partitions().stream()
                                    .map(p -> new TopicPartition(topic.name(), p.partition())))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all()
                .get()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets("insights-service.pipeline-deals")
                .partitionsToOffsetAndMetadata()
                .get();
        boolean applied =
            ends.entrySet().stream()
                .allMatch(
                    end ->
                        end.getValue() == 0
                            || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
        if (applied) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("pipeline-deals did not catch up: " + ends + " " + committed);
        }
        pause();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
