package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import io.dealflow.platform.test.WordErrorRate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Voice Sales Trainer through the gateway, as its frontend uses it: an admin writes a scenario,
 * a rep plays it by voice over {@code /ws/voice/{id}} (speech synthesized from a sentence, streamed
 * in real time), is transcribed, coached and answered by the prospect's voice, pauses, resumes and
 * ends; the session's transcript and metrics, the rep's playbook practice minutes, learning
 * progress and HelloSales profile all show the call; a HelloSales {@code voice} message is
 * transcribed too. Bad input on every path gets a clear error.
 */
class VoiceTrainerIT {

  static final String SENTENCE =
      "hello sarah my name is john could we talk about your biggest challenges";
  private static final String PASSWORD = "Voice-Rep-42";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Account admin;
  private static Http adminApi;
  private static String repToken;
  private static String repId;
  private static Http repApi;

  @BeforeAll
  static void anAdminAndARepOfOneOrganization() {
    admin = Accounts.register(E2eStack.client(), "Voice Trainers");
    adminApi = E2eStack.client().bearer(admin.accessToken());
    String email = "e2e-voice-" + UUID.randomUUID() + "@example.com";
    Http.Response added =
        adminApi.post(
            "/api/v1/users",
            Map.of(
                "email", email,
                "firstName", "Riley",
                "lastName", "Rep",
                "role", "rep",
                "password", PASSWORD));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    repId = added.json().get("id").asString();
    Http.Response login =
        E2eStack.client().post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    repToken = login.json().get("access_token").asString();
    repApi = E2eStack.client().bearer(repToken);
  }

  @Test
  void aRepPlaysAVoiceCallOnTheAdminsScenarioAndEverythingShowsIt() throws Exception {
    String scenario = created(adminApi.post("/api/v1/scenarios", scenario()));
    String assignment = assignPractice();
    Http.Response createdSession =
        repApi.post(
            "/api/v1/sessions",
            Map.of(
                "scenario_id",
                scenario,
                "session_type",
                "practice",
                "rep_assignment_id",
                assignment,
                "configuration",
                Map.of("coaching_enabled", true, "voice_id", "friendly_male")));
    String session = created(createdSession);
    String socketUrl = createdSession.json().get("websocket_url").asString();
    assertThat(socketUrl)
        .isEqualTo(
            E2eStack.get().gatewayUrl().replaceFirst("^http", "ws") + "/ws/voice/" + session);
    byte[] pcm = speech(SENTENCE);

    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket call = Sockets.open("/ws/voice/" + session, List.of(), repToken, messages, closed);
    long started = System.nanoTime();
    send(
        call,
        Map.of(
            "type",
            "config",
            "data",
            Map.of("sample_rate", 16000, "channels", 1, "format", "pcm")));
    Sockets.await(messages, type("session_started"));
    JsonNode opening = Sockets.await(messages, type("ai_response")).get("data");
    assertThat(opening.get("text").asString()).isEqualTo("Sarah Johnson speaking. Who is this?");
    assertThat(Base64.getDecoder().decode(opening.get("audio").asString()))
        .startsWith("RIFF".getBytes());

    stream(call, pcm);
    JsonNode heard =
        Sockets.await(
                messages,
                m -> type("transcript").test(m) && m.get("data").get("is_final").asBoolean())
            .get("data");
    assertThat(WordErrorRate.of(SENTENCE, heard.get("text").asString()))
        .as(heard.get("text").asString())
        .isLessThanOrEqualTo(0.2);
    JsonNode coaching = Sockets.await(messages, type("coaching")).get("data");
    assertThat(coaching.get("message").asString()).isNotBlank();
    assertThat(coaching.get("urgency").asString()).isIn("low", "medium", "high");
    JsonNode answer = Sockets.await(messages, type("ai_response")).get("data");
    assertThat(answer.get("intent").asString()).isEqualTo("answer_discovery");
    assertThat(answer.get("text").asString()).containsIgnoringCase("manual reports");
    assertThat(Base64.getDecoder().decode(answer.get("audio").asString()).length)
        .isGreaterThan(10_000);

    send(call, Map.of("type", "control", "action", "pause"));
    Sockets.await(messages, type("session_paused"));
    send(call, Map.of("type", "control", "action", "resume"));
    Sockets.await(messages, type("session_resumed"));
    // A minute of call time, so that playbook's whole practice minutes grow.
    long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
    Thread.sleep(Math.max(0, 62_000 - elapsed));
    send(call, Map.of("type", "control", "action", "end"));
    JsonNode ended = Sockets.await(messages, type("session_ended")).get("data");
    assertThat(ended.get("status").asString()).isEqualTo("completed");
    assertThat(ended.get("duration").asLong()).isGreaterThanOrEqualTo(60);
    assertThat(closed.get(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1000);

    JsonNode stored = repApi.get("/api/v1/sessions/" + session).json();
    assertThat(stored.get("status").asString()).isEqualTo("completed");
    JsonNode transcript = stored.get("transcript");
    assertThat(transcript.get(1).get("speaker").asString()).isEqualTo("user");
    assertThat(transcript.get(1).get("text").asString()).isEqualTo(heard.get("text").asString());
    JsonNode metrics = stored.get("performance_metrics");
    assertThat(metrics.get("question_count").asInt()).isPositive();
    assertThat(metrics.get("talk_time_ratio").asDouble()).isBetween(0.05, 0.95);
    assertThat(metrics.get("overall_score").isInt()).isTrue();
    assertThat(stored.get("metric_evidence").get("question_count").get("turns").get(0).asInt())
        .isEqualTo(1);

    JsonNode practiced =
        eventually(
            () -> repApi.get("/api/v1/sailwind/my/rep-assignments").json().get(0),
            a -> a.get("practicedMinutes").asInt() >= 1);
    assertThat(practiced.get("id").asString()).isEqualTo(assignment);
    JsonNode progress = repApi.get("/api/v1/learning/progress?time_range=week").json();
    assertThat(progress.get("overall_progress").get("total_sessions").asInt()).isEqualTo(1);
    JsonNode profile = repApi.get("/api/v1/profile").json();
    assertThat(profile.get("progress").get("available").asBoolean()).isTrue();
    assertThat(profile.get("progress").get("totalSessions").asInt()).isEqualTo(1);
    assertThat(profile.get("skills").size()).isPositive();
  }

  @Test
  void aHelloSalesVoiceMessageIsTranscribed() throws Exception {
    String sentence = "could we schedule a meeting next tuesday to talk about pricing";
    byte[] wav = audio(synthesize(sentence));
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    WebSocket socket =
        Sockets.open("/ws", List.of(), repToken, messages, new CompletableFuture<>());
    Sockets.await(messages, m -> "auth.success".equals(m.path("type").asString()));

    send(
        socket,
        Map.of(
            "type",
            "voice",
            "payload",
            Map.of(
                "audioData",
                Base64.getEncoder().encodeToString(wav),
                "format",
                "wav",
                "sampleRate",
                16000)));

    JsonNode transcript =
        Sockets.await(messages, m -> "voice.transcript".equals(m.path("type").asString()))
            .get("payload");
    assertThat(WordErrorRate.of(sentence, transcript.get("transcript").asString()))
        .as(transcript.toString())
        .isLessThanOrEqualTo(0.2);
    assertThat(transcript.get("confidence").asDouble()).isBetween(0.0, 1.0);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  @Test
  void badInputOnEveryPathGetsAClearErrorAndNothingIsStored() throws Exception {
    Http.Response unknown =
        repApi.post("/api/v1/sessions", Map.of("scenario_id", UUID.randomUUID().toString()));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.json().get("error_code").asString()).isEqualTo("SCENARIO_NOT_FOUND");
    Http.Response noSession = repApi.get("/api/v1/sessions/" + UUID.randomUUID());
    assertThat(noSession.json().get("error_code").asString()).isEqualTo("SESSION_NOT_FOUND");

    Account stranger = Accounts.register(E2eStack.client(), "Voice Strangers");
    String library = "8d6a2f10-0c1e-4b7a-9f01-5a1e00000002";
    String theirs =
        created(
            E2eStack.client()
                .bearer(stranger.accessToken())
                .post("/api/v1/sessions", Map.of("scenario_id", library)));
    assertThat(repApi.get("/api/v1/sessions/" + theirs).status()).isEqualTo(404);
    BlockingQueue<JsonNode> refusedMessages = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> refused = new CompletableFuture<>();
    Sockets.open("/ws/voice/" + theirs, List.of(), repToken, refusedMessages, refused);
    assertThat(refused.get(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4404);
    assertThat(Sockets.await(refusedMessages, type("error")).get("error_code").asString())
        .isEqualTo("SESSION_NOT_FOUND");

    String mine = created(repApi.post("/api/v1/sessions", Map.of("scenario_id", library)));
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket call = Sockets.open("/ws/voice/" + mine, List.of(), repToken, messages, closed);
    send(call, Map.of("type", "config", "data", Map.of("sample_rate", 16000, "format", "mp4")));
    assertThat(Sockets.await(messages, type("error")).get("error_code").asString())
        .isEqualTo("INVALID_AUDIO_FORMAT");
    send(call, Map.of("type", "config", "data", Map.of("sample_rate", 16000, "format", "pcm")));
    Sockets.await(messages, type("ai_response"));
    send(call, Map.of("type", "audio", "data", "this is not audio!"));
    assertThat(Sockets.await(messages, type("error")).get("error_code").asString())
        .isEqualTo("AUDIO_PROCESSING_ERROR");
    send(
        call,
        Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(new byte[400 * 1024])));
    JsonNode tooLarge = Sockets.await(messages, type("error"));
    assertThat(tooLarge.get("error_code").asString()).isEqualTo("MESSAGE_TOO_LARGE");
    assertThat(tooLarge.get("retry_allowed").asBoolean()).isTrue();
    send(call, Map.of("type", "ping"));
    Sockets.await(messages, type("pong"));
    call.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    assertThat(repApi.get("/api/v1/sessions/" + mine).json().get("transcript").size()).isEqualTo(1);

    String silent = created(repApi.post("/api/v1/sessions", Map.of("scenario_id", library)));
    BlockingQueue<JsonNode> quiet = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> quietClosed = new CompletableFuture<>();
    Sockets.open("/ws/voice/" + silent, List.of(), repToken, quiet, quietClosed);
    assertThat(quietClosed.get(Sockets.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4400);
    assertThat(Sockets.await(quiet, type("error")).get("error_code").asString())
        .isEqualTo("CONFIG_REQUIRED");
  }

  private static Map<String, Object> scenario() {
    return Map.of(
        "title",
        "Cold call: a reporting tool for a finance lead",
        "description",
        "Open a cold call with a VP who builds manual reports every week",
        "category",
        "cold_calling",
        "difficulty",
        "beginner",
        "estimated_duration",
        600,
        "objectives",
        List.of("Uncover the reporting pain", "Book a demo"),
        "coaching_points",
        List.of("Ask before you pitch"),
        "prospect_persona",
        Map.of(
            "name", "Sarah Johnson",
            "title", "VP of Finance",
            "company", "Northwind",
            "pain_points",
                List.of("We lose two days a month to manual reports", "Forecasts are always late"),
            "personality", "analytical",
            "communication_style", "direct"),
        "conversation_flow",
        Map.of(
            "opening", "Sarah Johnson speaking. Who is this?",
            "discovery_questions", List.of("How do you build your reports today?"),
            "objection_scenarios", List.of("We already have a reporting tool")));
  }

  /** A product, a client, an approved strategy, and the rep assigned to practise it. */
  private static String assignPractice() {
    String product = created(adminApi.post("/api/v1/sailwind/products", Map.of("name", "Reports")));
    String client = created(adminApi.post("/api/v1/sailwind/clients", Map.of("name", "Northwind")));
    String strategy =
        created(
            adminApi.post(
                "/api/v1/sailwind/strategies",
                Map.of(
                    "productId",
                    product,
                    "clientId",
                    client,
                    "strategyText",
                    "Lead with the two lost days",
                    "status",
                    "approved")));
    return created(
        adminApi.post(
            "/api/v1/sailwind/rep-assignments",
            Map.of(
                "userId", repId,
                "productId", product,
                "clientId", client,
                "strategyId", strategy,
                "minPracticeMinutes", 1)));
  }

  /** The sentence spoken by the suite's own synthesis, as 16 kHz mono PCM. */
  private static byte[] speech(String text) throws Exception {
    byte[] wav = audio(synthesize(text));
    return Arrays.copyOfRange(wav, 44, wav.length);
  }

  private static String synthesize(String text) {
    Http.Response preview =
        repApi.post("/api/v1/voice/synthesize", Map.of("text", text, "format", "wav"));
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    String url = preview.json().get("audio_url").asString();
    assertThat(url).startsWith(E2eStack.get().gatewayUrl() + "/api/v1/voice/audio/");
    return url;
  }

  private static byte[] audio(String url) throws Exception {
    HttpResponse<byte[]> audio =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + repToken)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(audio.statusCode()).isEqualTo(200);
    assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
    return audio.body();
  }

  /** Streams PCM in 100 ms chunks at twice real time, then a second of silence. */
  private static void stream(WebSocket call, byte[] pcm) throws InterruptedException {
    int chunk = 3200;
    for (int at = 0; at < pcm.length; at += chunk) {
      byte[] part = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunk));
      send(call, Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(part)));
      Thread.sleep(50);
    }
    for (int i = 0; i < 12; i++) {
      send(
          call,
          Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(new byte[chunk])));
      Thread.sleep(50);
    }
  }

  private static void send(WebSocket socket, Map<String, ?> message) {
    socket.sendText(Http.JSON.writeValueAsString(message), true).join();
  }

  private static java.util.function.Predicate<JsonNode> type(String type) {
    return m -> type.equals(m.path("type").asString());
  }

  private static String created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  private static JsonNode eventually(
      java.util.function.Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Sockets.WAIT.toNanos();
    JsonNode last = read.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      last = read.get();
    }
    assertThat(done.test(last)).as(String.valueOf(last)).isTrue();
    return last;
  }
}
