package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a partner and a frontend see when the CRM changes, all through the gateway: a deal won
 * reaches the partner's receiver as a signed webhook and the VectorOS event socket as {@code
 * deal.won}; a lead qualified and a lead's score change reach a Spotlight ActionCable LeadChannel
 * subscriber, and a conversation's status change its ConversationChannel subscriber; playbook's
 * {@code strategy.approved} reaches a partner subscribed to it and {@code rep.assigned} the event
 * socket of its organization only.
 */
class RealtimeFlowIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One request as the partner's receiver got it. */
  record Received(Map<String, String> headers, String body) {}

  @Test
  void aServerSideClientAuthenticatesTheEventSocketWithTheAuthorizationHeader() throws Exception {
    var account = Accounts.register(E2eStack.client(), "Header Minded");
    Http api = E2eStack.client().bearer(account.accessToken());
    BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    WebSocket socket =
        Sockets.open(
            "/ws/events", List.of(), account.accessToken(), events, new CompletableFuture<>());
    Sockets.awaitReady(events);

    winDeal(api, account.orgId(), "Header renewal", 900, events);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  @Test
  void aForgedTokenInTheAuthorizationHeaderClosesTheSocketAs4401() throws Exception {
    var account = Accounts.register(E2eStack.client(), "Forger Inc");
    String forged = account.accessToken().substring(0, account.accessToken().length() - 4) + "AAAA";
    CompletableFuture<Integer> closed = new CompletableFuture<>();

    Sockets.open("/ws/events", List.of(), forged, new LinkedBlockingQueue<>(), closed);

    assertThat(closed.get(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
  }

  @Test
  void aDealWonReachesThePartnerSignedAndTheEventSocket() throws Exception {
    var account = Accounts.register(E2eStack.client(), "Partner Minded");
    Http api = E2eStack.client().bearer(account.accessToken());
    BlockingQueue<Received> receiver = new LinkedBlockingQueue<>();
    HttpServer partner = partner(receiver);
    try {
      String secret = subscribe(api, partner, "deal.won", "closed deals to the ERP");

      BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
      WebSocket socket = Sockets.openEvents(account.accessToken(), events);

      WonDeal won = winDeal(api, account.orgId(), "Fleet renewal", 48000, events);
      String dealId = won.dealId();
      assertThat(won.message().get("data").get("workspace_id").asString())
          .isEqualTo(account.orgId());
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");

      Received delivery = receiver.poll(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(delivery).as("the partner received a delivery").isNotNull();
      assertThat(verifies(secret, delivery)).as("the signature verifies").isTrue();
      JsonNode payload = JSON.readTree(delivery.body());
      assertThat(payload.get("event").asString()).isEqualTo("deal.won");
      assertThat(payload.get("id").asString()).isEqualTo(delivery.headers().get("x-webhook-id"));
      assertThat(payload.get("data").get("deal_id").asString()).isEqualTo(dealId);
      assertThat(payload.get("data").get("value").decimalValue()).isEqualByComparingTo("48000");
    } finally {
      partner.stop(0);
    }
  }

  @Test
  void aCreatedDealReachesTheEventSocketAsTheApiReturnsIt() throws Exception {
    var account = Accounts.register(E2eStack.client(), "Deal Watchers");
    Http api = E2eStack.client().bearer(account.accessToken());
    BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    WebSocket socket = Sockets.openEvents(account.accessToken(), events);

    Http.Response deal =
        api.post(
            "/api/v1/workspaces/" + account.orgId() + "/deals",
            Map.of(
                "title", "Harbor expansion",
                "value", 12345.5,
                "currency", "EUR",
                "stage", "proposal",
                "contactName", "Ada Lovelace",
                "expectedCloseDate", "2027-03-31"));
    assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
    String dealId = deal.json().get("id").asString();

    JsonNode created =
        Sockets.await(
            events,
            m ->
                "deal.created".equals(m.path("event").asString(""))
                    && dealId.equals(m.path("data").path("id").asString("")));
    assertSameObject(created.get("data"), deal.json());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  /**
   * The same fields in the same order with the same values; numbers compared by value (the socket
   * may write 12345.50 as 12345.5).
   */
  static void assertSameObject(JsonNode actual, JsonNode expected) {
    assertThat(actual.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
    for (String field : expected.propertyNames()) {
      JsonNode value = expected.get(field);
      if (value.isNumber()) {
        assertThat(actual.get(field).decimalValue())
            .as(field)
            .isEqualByComparingTo(value.decimalValue());
      } else {
        assertThat(actual.get(field)).as(field).isEqualTo(value);
      }
    }
  }

  @Test
  void aLeadQualifiedReachesTheLeadChannel() throws Exception {
    var account = Accounts.register(E2eStack.client(), "Cable Watchers");
    Http api = E2eStack.client().bearer(account.accessToken());
    BlockingQueue<JsonNode> cable = new LinkedBlockingQueue<>();
    WebSocket socket = Sockets.openCable(account.accessToken(), cable);
    String identifier = "{\"channel\":\"LeadChannel\"}";
    Sockets.subscribeCable(socket, cable, identifier);

    Http.Response lead =
        api.post(
            "/api/v1/leads",
            Map.of("lead", Map.of("name", "Quinn Buyer", "email", "quinn@buyer.example")));
    assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
    String leadId = lead.json().get("data").get("id").asString();
    assertThat(
            api.patch("/api/v1/leads/" + leadId + "/status", Map.of("status", "qualified"))
                .status())
        .isEqualTo(200);

    JsonNode qualified =
        Sockets.await(
            cable,
            m ->
                identifier.equals(m.path("identifier").asString(""))
                    && "lead_qualified".equals(m.path("message").path("type").asString(""))
                    && leadId.equals(m.path("message").path("lead_id").asString("")));
    assertThat(qualified.get("message").get("data").get("score").isNumber()).isTrue();
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  @Test
  void aScoreChangeAndAConversationStatusChangeReachTheirChannels() throws Exception {
    var account = Accounts.register(E2eStack.client(), "Live Channels");
    Http api = E2eStack.client().bearer(account.accessToken());
    BlockingQueue<JsonNode> cable = new LinkedBlockingQueue<>();
    WebSocket socket = Sockets.openCable(account.accessToken(), cable);
    String leads = "{\"channel\":\"LeadChannel\"}";
    String conversations = "{\"channel\":\"ConversationChannel\"}";
    Sockets.subscribeCable(socket, cable, leads);
    Sockets.subscribeCable(socket, cable, conversations);

    Http.Response lead = api.post("/api/v1/leads", Map.of("lead", Map.of("name", "Sam Scored")));
    assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
    String leadId = lead.json().get("data").get("id").asString();
    Http.Response raised =
        api.patch(
            "/api/v1/leads/" + leadId,
            Map.of("lead", Map.of("metadata", Map.of("budget", 150000))));
    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    Http.Response conversation =
        api.post(
            "/api/v1/conversations",
            Map.of("conversation", Map.of("lead_id", leadId, "source", "phone_call")));
    assertThat(conversation.status()).as(conversation.toString()).isEqualTo(201);
    String conversationId = conversation.json().get("data").get("id").asString();
    assertThat(
            api.patch(
                    "/api/v1/conversations/" + conversationId,
                    Map.of("conversation", Map.of("status", "failed")))
                .status())
        .isEqualTo(200);

    JsonNode score = null;
    JsonNode status = null;
    long deadline = System.nanoTime() + Sockets.WAIT.toNanos();
    while (score == null || status == null) {
      assertThat(System.nanoTime())
          .as("a score change and a status change within %s", Sockets.WAIT)
          .isLessThan(deadline);
      JsonNode m = Sockets.next(cable);
      JsonNode message = m.path("message");
      if (score == null
          && leads.equals(m.path("identifier").asString(""))
          && "lead_score_changed".equals(message.path("type").asString(""))
          && leadId.equals(message.path("lead_id").asString(""))) {
        score = m;
      } else if (status == null
          && conversations.equals(m.path("identifier").asString(""))
          && "conversation_status".equals(message.path("type").asString(""))
          && conversationId.equals(message.path("conversation_id").asString(""))) {
        status = m;
      }
    }
    assertThat(score.get("message").get("data").get("previous_score").asInt()).isZero();
    assertThat(score.get("message").get("data").get("score").asInt()).isEqualTo(20);
    assertThat(score.get("message").get("data").get("factors").get(0).get("criterion").asString())
        .isEqualTo("budget");
    assertThat(status.get("message").get("data").get("status").asString()).isEqualTo("failed");
    assertThat(status.get("message").get("data").get("previous_status").asString())
        .isEqualTo("in_progress");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  @Test
  void playbookEventsReachThePartnerAndTheEventSocketOfTheirOrganizationOnly() throws Exception {
    var account = Accounts.register(E2eStack.client(), "Playbook Partners");
    var other = Accounts.register(E2eStack.client(), "Playbook Bystanders");
    Http api = E2eStack.client().bearer(account.accessToken());
    BlockingQueue<Received> receiver = new LinkedBlockingQueue<>();
    HttpServer partner = partner(receiver);
    try {
      String secret =
          subscribe(
              api, partner, "strategy.approved", "approved strategies to the enablement tool");
      BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
      WebSocket socket = Sockets.openEvents(account.accessToken(), events);
      BlockingQueue<JsonNode> othersEvents = new LinkedBlockingQueue<>();
      WebSocket othersSocket = Sockets.openEvents(other.accessToken(), othersEvents);

      String product = created(api.post("/api/v1/sailwind/products", Map.of("name", "Forecasts")));
      String client = created(api.post("/api/v1/sailwind/clients", Map.of("name", "Fabrikam")));
      String strategy =
          created(
              api.post(
                  "/api/v1/sailwind/strategies",
                  Map.of(
                      "productId",
                      product,
                      "clientId",
                      client,
                      "strategyText",
                      "Open with the missed quarter",
                      "status",
                      "approved")));
      String assignment =
          created(
              api.post(
                  "/api/v1/sailwind/rep-assignments",
                  Map.of(
                      "userId",
                      account.userId(),
                      "productId",
                      product,
                      "clientId",
                      client,
                      "strategyId",
                      strategy,
                      "minPracticeMinutes",
                      15)));

      JsonNode assigned =
          Sockets.await(
              events,
              m ->
                  "rep.assigned".equals(m.path("event").asString(""))
                      && assignment.equals(m.path("data").path("assignment_id").asString("")));
      assertThat(assigned.get("data").get("user_id").asString()).isEqualTo(account.userId());
      assertThat(assigned.get("data").get("min_practice_minutes").asInt()).isEqualTo(15);
      Received delivery = receiver.poll(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(delivery).as("the partner received a delivery").isNotNull();
      assertThat(verifies(secret, delivery)).as("the signature verifies").isTrue();
      JsonNode payload = JSON.readTree(delivery.body());
      assertThat(payload.get("event").asString()).isEqualTo("strategy.approved");
      assertThat(payload.get("data").get("strategy_id").asString()).isEqualTo(strategy);
      assertThat(payload.get("data").get("approved_by").asString()).isEqualTo(account.userId());

      List<String> othersSeen = new ArrayList<>();
      JsonNode seen;
      while ((seen = othersEvents.poll(2, TimeUnit.SECONDS)) != null) {
        othersSeen.add(seen.path("event").asString(""));
      }
      assertThat(othersSeen).doesNotContain("rep.assigned", "strategy.approved");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      othersSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } finally {
      partner.stop(0);
    }
  }

  private static String created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  /**
   * Subscribes the partner's receiver ({@code /dealflow}) to {@code event}; answers the endpoint's
   * signing secret, shown only at creation.
   */
  /** A deal won through the gateway and the socket message that announced it. */
  record WonDeal(String dealId, JsonNode message) {}

  /**
   * Creates a deal in the workspace, moves it to won through the gateway, and waits for its {@code
   * deal.won} on the {@code /ws/events} socket whose messages land in {@code events}.
   */
  static WonDeal winDeal(
      Http api, String workspace, String title, int value, BlockingQueue<JsonNode> events)
      throws InterruptedException {
    Http.Response deal =
        api.post(
            "/api/v1/workspaces/" + workspace + "/deals",
            Map.of("title", title, "value", value, "currency", "EUR"));
    assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
    String dealId = deal.json().get("id").asString();
    assertThat(api.patch("/api/v1/deals/" + dealId, Map.of("stage", "won")).status())
        .isEqualTo(200);
    JsonNode won =
        Sockets.await(
            events,
            m ->
                "deal.won".equals(m.path("event").asString(""))
                    && dealId.equals(m.path("data").path("deal_id").asString("")));
    return new WonDeal(dealId, won);
  }

  static String subscribe(Http api, HttpServer partner, String event, String description) {
    Http.Response endpoint =
        api.post(
            "/api/v1/webhooks",
            Map.of(
                "url",
                "http://127.0.0.1:" + partner.getAddress().getPort() + "/dealflow",
                "events",
                List.of(event),
                "description",
                description));
    assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
    return endpoint.json().get("secret").asString();
  }

  static HttpServer partner(BlockingQueue<Received> received) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/dealflow",
        exchange -> {
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(new Received(headers, body));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** The partner's check: HMAC-SHA256 of "timestamp.body" against any sha256= value. */
  private static boolean verifies(String secret, Received delivery) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        mac.doFinal(
            (delivery.headers().get("x-timestamp") + "." + delivery.body())
                .getBytes(StandardCharsets.UTF_8));
    for (String value : delivery.headers().get("x-signature").split(" ")) {
      if (value.startsWith("sha256=")
          && MessageDigest.isEqual(expected, HexFormat.of().parseHex(value.substring(7)))) {
        return true;
      }
    }
    return false;
  }
}
