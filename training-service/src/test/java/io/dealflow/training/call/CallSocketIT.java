package io.dealflow.training.call;

import static io.dealflow.platform.test.EventProbe.about;
import static io.dealflow.platform.test.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.platform.test.WordErrorRate;
import io.dealflow.training.RunningTrainingService;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The call socket as realtime-service relays it: speech in, transcript, coaching and the prospect's
 * spoken answer out, pause, resume and end; and every bad input answered clearly.
 */
class CallSocketIT extends RunningTrainingService {

  static final String DISCOVERY = "8d6a2f10-0c1e-4b7a-9f01-5a1e00000002";
  static final String SENTENCE =
      "hello sarah my name is john could we talk about your biggest challenges";

  private static EventProbe events;

  @BeforeAll
  static void listen() {
    events =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of("training.session.completed"));
  }

  @AfterAll
  static void stopListening() {
    events.close();
  }

  private String newSession(TestUser rep) {
    return as(rep).post("/sessions", Map.of("scenario_id", DISCOVERY)).json().get("id").asString();
  }

  /** 16 kHz mono PCM of a sentence, from the service's own synthesis. */
  private byte[] speech(TestUser user, String text) {
    JsonNode preview =
        as(user).post("/voice/synthesize", Map.of("text", text, "format", "wav")).json();
    byte[] wav = new ApiClient("", user.token()).get(preview.get("audio_url").asString()).body();
    return Arrays.copyOfRange(wav, 44, wav.length);
  }

  @Test
  void aSpokenTurnIsTranscribedCoachedAndAnsweredAndTheEndScoresTheCall() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String id = newSession(rep);
    byte[] pcm = speech(rep, SENTENCE);

    try (CallClient call = CallClient.open(port, id, rep.token())) {
      call.config();
      JsonNode started = call.await("session_started");
      assertThat(started.get("data").get("status").asString()).isEqualTo("active");
      JsonNode opening = call.await("ai_response").get("data");
      assertThat(opening.get("text").asString()).startsWith("Hi, this is Sarah");
      assertThat(Base64.getDecoder().decode(opening.get("audio").asString()))
          .startsWith("RIFF".getBytes());

      call.speak(pcm);
      JsonNode heard = call.await("transcript").get("data");
      while (!heard.get("is_final").asBoolean()) {
        heard = call.await("transcript").get("data");
      }
      assertThat(WordErrorRate.of(SENTENCE, heard.get("text").asString()))
          .as(heard.get("text").asString())
          .isLessThanOrEqualTo(0.2);
      JsonNode answer = call.await("ai_response").get("data");
      assertThat(answer.get("intent").asString()).isEqualTo("answer_discovery");
      assertThat(answer.get("audio").asString()).isNotBlank();
      assertThat(answer.get("duration").asDouble()).isPositive();
      assertThat(call.seen()).anyMatch(m -> m.get("type").asString().equals("coaching"));

      call.send(Map.of("type", "control", "action", "pause"));
      call.await("session_paused");
      call.send(Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(new byte[320])));
      call.awaitError("SESSION_PAUSED");
      call.send(Map.of("type", "control", "action", "resume"));
      call.await("session_resumed");
      call.send(
          Map.of("type", "text", "data", "I understand. Can we schedule a demo next Tuesday?"));
      call.await("ai_response");
      call.send(Map.of("type", "control", "action", "end"));
      JsonNode ended = call.await("session_ended").get("data");
      assertThat(ended.get("status").asString()).isEqualTo("completed");
      assertThat(ended.get("performance_metrics").get("question_count").asInt()).isPositive();
      assertThat(call.closeCode()).isEqualTo(1000);
    }

    JsonNode session = as(rep).get("/sessions/" + id).json();
    assertThat(session.get("status").asString()).isEqualTo("completed");
    // Recordings are off by default: what the rep said was not kept as audio.
    assertThat(as(rep).get("/sessions/" + id + "/recordings/1").status()).isEqualTo(404);
    assertThat(session.get("completed_at").isNull()).isFalse();
    JsonNode transcript = session.get("transcript");
    assertThat(transcript.size()).isEqualTo(5);
    assertThat(transcript.get(1).get("speaker").asString()).isEqualTo("user");
    assertThat(transcript.get(1).get("source").asString()).isEqualTo("voice");
    assertThat(transcript.get(1).get("speech_seconds").asDouble())
        .isCloseTo(pcm.length / 32000.0, org.assertj.core.data.Offset.offset(1.0));
    assertThat(transcript.get(2).get("speaker").asString()).isEqualTo("ai");
    assertThat(session.get("performance_metrics").get("talk_time_ratio").asDouble()).isPositive();
    assertThat(session.get("metric_evidence").get("question_count").get("turns").size())
        .isPositive();
    assertThat(session.get("live_coaching").size()).isPositive();
    EventProbe.Received completed =
        events.await(about(id).and(ofType("training.session.completed")), Duration.ofSeconds(30));
    assertThat(completed.data().get("user_id").asString()).isEqualTo(rep.id().toString());
    assertThat(completed.data().get("overall_score").isNumber()).isTrue();
  }

  @Test
  void badInputGetsAClearErrorAndTheSocketStaysOpenAndNothingIsStored() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String id = newSession(rep);

    try (CallClient call = CallClient.open(port, id, rep.token())) {
      call.send(Map.of("type", "audio", "data", "AAAA"));
      call.awaitError("CONFIG_REQUIRED");
      call.send(Map.of("type", "config", "data", Map.of("sample_rate", 16000, "format", "ogg")));
      assertThat(call.awaitError("INVALID_AUDIO_FORMAT").get("retry_allowed").asBoolean()).isTrue();
      call.config();
      call.await("session_started");
      call.await("ai_response");
      call.send(Map.of("type", "audio", "data", "%%% not base64 %%%"));
      call.awaitError("AUDIO_PROCESSING_ERROR");
      call.send(
          Map.of(
              "type",
              "audio",
              "data",
              Base64.getEncoder().encodeToString(new byte[CallSettings.MAX_CHUNK_BYTES + 2])));
      call.awaitError("AUDIO_CHUNK_TOO_LARGE");
      call.sendRaw("{not json");
      call.awaitError("INVALID_MESSAGE");
      call.send(Map.of("type", "sing"));
      call.awaitError("UNKNOWN_MESSAGE_TYPE");
      call.send(Map.of("type", "text", "data", "x".repeat(CallSettings.MAX_TEXT + 1)));
      call.awaitError("INVALID_MESSAGE");
      call.send(Map.of("type", "control", "action", "explode"));
      call.awaitError("INVALID_MESSAGE");
      call.send(Map.of("type", "ping"));
      call.await("pong");
    }

    JsonNode session = as(rep).get("/sessions/" + id).json();
    assertThat(session.get("transcript").size()).isEqualTo(1);
    assertThat(session.get("status").asString()).isEqualTo("active");
  }

  @Test
  void aSocketThatNeverConfiguresItsAudioIsClosedWith4400() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    try (CallClient call = CallClient.open(port, newSession(rep), rep.token())) {
      call.awaitError("CONFIG_REQUIRED");
      assertThat(call.closeCode()).isEqualTo(4400);
    }
  }

  @Test
  void onlyTheOwnerOfAnOpenSessionMayConnect() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String id = newSession(rep);
    TestUser colleague = TestUsers.create(rep.orgId(), "manager");

    assertThat(handshakeStatus(id, colleague.token())).isEqualTo(404);
    assertThat(handshakeStatus("6f1c2b1e-0000-4000-8000-000000000000", rep.token())).isEqualTo(404);
    assertThat(handshakeStatus(id, "not-a-token")).isEqualTo(401);
    as(rep).delete("/sessions/" + id);
    assertThat(handshakeStatus(id, rep.token())).isEqualTo(409);
  }

  @Test
  void aReconnectedCallGoesOnWhereItWas() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String id = newSession(rep);
    try (CallClient call = CallClient.open(port, id, rep.token())) {
      call.config();
      call.await("ai_response");
      call.send(Map.of("type", "text", "data", "Sarah, what are your biggest challenges?"));
      assertThat(call.await("ai_response").get("data").get("intent").asString())
          .isEqualTo("answer_discovery");
    }
    try (CallClient again = CallClient.open(port, id, rep.token())) {
      again.config();
      again.await("session_started");
      again.send(Map.of("type", "text", "data", "And how do you handle approvals today?"));
      JsonNode reply = again.await("ai_response").get("data");
      assertThat(reply.get("text").asString()).containsIgnoringCase("cost");
      assertThat(again.seen().stream().filter(m -> m.get("type").asString().equals("ai_response")))
          .hasSize(1);
    }
    assertThat(as(rep).get("/sessions/" + id).json().get("transcript").size()).isEqualTo(5);
  }

  private int handshakeStatus(String sessionId, String token) {
    try (CallClient ignored = CallClient.open(port, sessionId, token)) {
      return 101;
    } catch (CompletionException failed) {
      assertThatThrownBy(
              () -> {
                throw failed.getCause();
              })
          .isInstanceOf(WebSocketHandshakeException.class);
      return ((WebSocketHandshakeException) failed.getCause()).getResponse().statusCode();
    }
  }
}
