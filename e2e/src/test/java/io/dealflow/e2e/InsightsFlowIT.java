package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * VectorOS pipeline analytics through the gateway: deals created, moved and won in crm show up in
 * insights-service's pipeline, conversion and forecast within seconds, the chat answers the win
 * rate from them, and another workspace sees none of it; an insight the rules raise reaches the
 * {@code /ws/events} socket and a subscribed partner, and once dismissed is not raised again.
 */
class InsightsFlowIT {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Test
  void dealsWorkedInCrmShowUpInThePipelineConversionAndForecast() {
    var account = Accounts.register(E2eStack.client(), "Analytic Anglers");
    Http vectoros = E2eStack.client().bearer(account.accessToken());
    String workspace = "/api/v1/workspaces/" + account.orgId();

    String small = createDeal(vectoros, workspace, "Starter plan", 12_345, "lead");
    String large = createDeal(vectoros, workspace, "Enterprise plan", 54_321, "proposal");
    JsonNode pipeline =
        await(
            vectoros,
            workspace + "/analytics/pipeline",
            body -> body.get("totals").get("count").asLong() == 2);
    assertThat(money(pipeline.get("totals").get("value"))).isEqualByComparingTo("66666");

    Http.Response moved = vectoros.patch("/api/v1/deals/" + small, Map.of("stage", "qualified"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    Http.Response won = vectoros.patch("/api/v1/deals/" + large, Map.of("stage", "won"));
    assertThat(won.status()).as(won.toString()).isEqualTo(200);

    JsonNode after =
        await(
            vectoros,
            workspace + "/analytics/pipeline",
            body ->
                stage(body, "won").get("count").asLong() == 1
                    && stage(body, "qualified").get("count").asLong() == 1);
    assertThat(money(stage(after, "won").get("value"))).isEqualByComparingTo("54321");
    assertThat(money(after.get("open").get("value"))).isEqualByComparingTo("12345");
    // 25 % of the qualified deal still open
    assertThat(money(after.get("open").get("weightedValue"))).isEqualByComparingTo("3086.25");

    JsonNode conversion =
        await(vectoros, workspace + "/analytics/conversion", body -> body.get("won").asLong() == 1);
    assertThat(conversion.get("winRate").asDouble()).isEqualTo(1.0);
    assertThat(conversion.get("funnel").get(0).get("reached").asLong()).isEqualTo(2);

    Http.Response forecast = vectoros.get(workspace + "/analytics/forecast");
    assertThat(forecast.status()).as(forecast.toString()).isEqualTo(200);
    assertThat(forecast.json().get("method").asString()).contains("win rate");
    // The qualified deal (60 days to win by default) is expected in the quarter, not the month.
    assertThat(money(forecast.json().get("nextQuarter").get("expected")))
        .isEqualByComparingTo("3086.25");
    assertThat(money(forecast.json().get("nextMonth").get("expected"))).isEqualByComparingTo("0");

    Http.Response chat =
        vectoros.post(
            "/api/v1/chat",
            Map.of(
                "message",
                "What is our win rate this quarter?",
                "context",
                Map.of("workspace_id", account.orgId())));
    assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
    assertThat(chat.json().get("response").asString())
        .isEqualTo("Your win rate this quarter is 100%: 1 won and 0 lost.");

    Http.Response insights =
        vectoros.post(
            "/api/v1/insights",
            Map.of(
                "workspace_id",
                account.orgId(),
                "data_type",
                "deals",
                "data",
                Map.of("total_deals", 45, "won_deals", 12, "lost_deals", 8, "in_progress", 25)));
    assertThat(insights.status()).as(insights.toString()).isEqualTo(200);
    assertThat(insights.json().get("recommendations").get(0).get("title").asString())
        .isEqualTo("Implement Lead Scoring");

    var stranger = Accounts.register(E2eStack.client(), "Curious Competitors");
    Http.Response refused =
        E2eStack.client().bearer(stranger.accessToken()).get(workspace + "/analytics/pipeline");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    assertThat(refused.json().get("code").asString()).isEqualTo("NOT_FOUND");
  }

  @Test
  void anInsightReachesTheEventSocketAndThePartnerAndADismissedOneIsNotRaisedAgain()
      throws Exception {
    var account = Accounts.register(E2eStack.client(), "Concentrated Capital");
    Http vectoros = E2eStack.client().bearer(account.accessToken());
    String workspace = "/api/v1/workspaces/" + account.orgId();
    BlockingQueue<RealtimeFlowIT.Received> receiver = new LinkedBlockingQueue<>();
    HttpServer partner = RealtimeFlowIT.partner(receiver);
    try {
      RealtimeFlowIT.subscribe(vectoros, partner, "insight.generated", "insights to the BI tool");
      BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
      WebSocket socket = Sockets.openEvents(account.accessToken(), events);

      // One deal of 40,000 and four of 2,500: the three largest hold 90 % of the pipeline.
      createDeal(vectoros, workspace, "Global rollout", 40_000, "proposal");
      for (int i = 1; i <= 4; i++) {
        createDeal(vectoros, workspace, "Team plan " + i, 2_500, "lead");
      }
      JsonNode announced =
          Sockets.await(
              events,
              m ->
                  "insight.generated".equals(m.path("event").asString(""))
                      && "pipeline_concentration".equals(m.path("data").path("type").asString("")));
      String insightId = announced.get("data").get("id").asString();
      assertThat(announced.get("data").get("description").asString())
          .contains("90% of the open pipeline (45,000 of 50,000 across 5 deals)");

      // The partner gets every insight.generated (the deals also stall meanwhile): find this one.
      JsonNode payload = null;
      long deadline = System.nanoTime() + Sockets.WAIT.toNanos();
      while (payload == null && System.nanoTime() < deadline) {
        RealtimeFlowIT.Received delivery = receiver.poll(1, TimeUnit.SECONDS);
        if (delivery != null) {
          JsonNode body = Http.JSON.readTree(delivery.body());
          if (insightId.equals(body.path("data").path("id").asString(""))) {
            payload = body;
          }
        }
      }
      assertThat(payload).as("the partner received the insight").isNotNull();
      assertThat(payload.get("event").asString()).isEqualTo("insight.generated");

      JsonNode listed = vectoros.get(workspace + "/insights?type=pipeline_concentration").json();
      assertThat(listed.get("insights").get(0).get("id").asString()).isEqualTo(insightId);
      RealtimeFlowIT.assertSameObject(announced.get("data"), listed.get("insights").get(0));
      Http.Response dismissed =
          vectoros.patch("/api/v1/insights/" + insightId, Map.of("status", "dismissed"));
      assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);

      // The pipeline changes and is evaluated again; the cause still holds: nothing new.
      createDeal(vectoros, workspace, "Team plan 5", 2_500, "lead");
      await(
          vectoros,
          workspace + "/analytics/pipeline",
          body -> body.get("totals").get("count").asLong() == 6);
      JsonNode again =
          Sockets.poll(
              events,
              m ->
                  "insight.generated".equals(m.path("event").asString(""))
                      && "pipeline_concentration".equals(m.path("data").path("type").asString("")),
              Duration.ofSeconds(12));
      assertThat(again).as("an insight raised again after the dismissal").isNull();
      // (The deals stall meanwhile: the suite runs with a stall threshold of seconds.)
      JsonNode after = vectoros.get(workspace + "/insights?type=pipeline_concentration").json();
      assertThat(after.get("total").asLong()).isEqualTo(1);
      assertThat(after.get("insights").get(0).get("status").asString()).isEqualTo("dismissed");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } finally {
      partner.stop(0);
    }
  }

  @Test
  void aStalledDealIsRaisedEverywhereDismissedAndNotRaisedAgainAndTheChatNamesIt()
      throws Exception {
    var account = Accounts.register(E2eStack.client(), "Idle Harbour");
    Http vectoros = E2eStack.client().bearer(account.accessToken());
    String workspace = "/api/v1/workspaces/" + account.orgId();
    BlockingQueue<RealtimeFlowIT.Received> receiver = new LinkedBlockingQueue<>();
    HttpServer partner = RealtimeFlowIT.partner(receiver);
    try {
      RealtimeFlowIT.subscribe(vectoros, partner, "insight.critical", "critical insights to ops");
      BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
      WebSocket socket = Sockets.openEvents(account.accessToken(), events);
      // The suite runs with dealflow.insights.stalled-after = 4 s (E2eStack).
      String dealId = createDeal(vectoros, workspace, "Harbor crane", 30_000, "proposal");

      JsonNode announced =
          Sockets.await(
              events,
              m ->
                  "insight.generated".equals(m.path("event").asString(""))
                      && "deal_stalled".equals(m.path("data").path("type").asString("")));
      JsonNode insight = announced.get("data");
      String insightId = insight.get("id").asString();
      assertThat(insight.get("title").asString()).isEqualTo("Deal Stalled in Proposal");
      assertThat(insight.get("description").asString())
          .startsWith("Harbor crane (30,000) has had no stage change for ");
      // The only open deal holds all of the open pipeline: critical.
      assertThat(insight.get("priority").asString()).isEqualTo("critical");
      assertThat(insight.get("subjects").get(0).get("id").asString()).isEqualTo(dealId);

      RealtimeFlowIT.Received delivery = receiver.poll(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(delivery).as("the partner received insight.critical").isNotNull();
      JsonNode payload = Http.JSON.readTree(delivery.body());
      assertThat(payload.get("event").asString()).isEqualTo("insight.critical");
      assertThat(payload.get("data").get("id").asString()).isEqualTo(insightId);

      JsonNode listed = vectoros.get(workspace + "/insights?type=deal_stalled").json();
      assertThat(listed.get("total").asLong()).isEqualTo(1);
      RealtimeFlowIT.assertSameObject(insight, listed.get("insights").get(0));

      Http.Response chat =
          vectoros.post(
              "/api/v1/chat",
              Map.of(
                  "message",
                  "Which deals are stalled?",
                  "context",
                  Map.of("workspace_id", account.orgId())));
      assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
      assertThat(chat.json().get("response").asString())
          .startsWith(
              "1 open deal had no stage change for 4 seconds or more: Harbor crane (30,000,"
                  + " in proposal for ");

      Http.Response dismissed =
          vectoros.patch("/api/v1/insights/" + insightId, Map.of("status", "dismissed"));
      assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
      // Every workspace is evaluated every 2 s and the deal is still stalled: nothing new.
      JsonNode again =
          Sockets.poll(
              events,
              m ->
                  "insight.generated".equals(m.path("event").asString(""))
                      && "deal_stalled".equals(m.path("data").path("type").asString("")),
              Duration.ofSeconds(8));
      assertThat(again).as("the stalled deal raised again after the dismissal").isNull();
      JsonNode after = vectoros.get(workspace + "/insights?type=deal_stalled").json();
      assertThat(after.get("total").asLong()).isEqualTo(1);
      assertThat(after.get("insights").get(0).get("status").asString()).isEqualTo("dismissed");

      var stranger = Accounts.register(E2eStack.client(), "Nosy Neighbours");
      Http.Response elsewhere =
          E2eStack.client().bearer(stranger.accessToken()).get(workspace + "/insights");
      assertThat(elsewhere.status()).isEqualTo(404);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } finally {
      partner.stop(0);
    }
  }

  private static String createDeal(
      Http vectoros, String workspace, String title, long value, String stage) {
    Http.Response created =
        vectoros.post(
            workspace + "/deals",
            Map.of("title", title, "value", value, "currency", "USD", "stage", stage));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static JsonNode stage(JsonNode pipeline, String name) {
    for (JsonNode line : pipeline.get("stages")) {
      if (line.get("stage").asString().equals(name)) {
        return line;
      }
    }
    throw new AssertionError("no stage " + name + " in " + pipeline);
  }

  private static BigDecimal money(JsonNode value) {
    return new BigDecimal(value.asString());
  }

  private static JsonNode await(Http client, String path, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (true) {
      Http.Response response = client.get(path);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      if (done.test(response.json())) {
        return response.json();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WITHIN + ": " + response);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
