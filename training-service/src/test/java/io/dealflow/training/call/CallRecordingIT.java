package io.dealflow.training.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.training.RunningTrainingService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** With recordings opted in, what the rep said is kept sealed, and only its owner can hear it. */
@TestPropertySource(
    properties = {
      "dealflow.training.audio.store=true",
      "dealflow.training.audio.retention=1d",
      "dealflow.training.audio.encryption-key=q1Kx8b1sQ3m8uQ4k0WnX0Yd2mZ7r9l3cV5pT6yH8jE0="
    })
class CallRecordingIT extends RunningTrainingService {

  @Autowired JdbcClient jdbc;

  @Test
  void anUtteranceIsKeptSealedAndServedToThoseWhoMayReadTheSession() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String id =
        as(rep)
            .post("/sessions", Map.of("scenario_id", PlayedCalls.DISCOVERY))
            .json()
            .get("id")
            .asString();
    JsonNode preview =
        as(rep)
            .post("/voice/synthesize", Map.of("text", "what are your goals", "format", "wav"))
            .json();
    byte[] wav = new ApiClient("", rep.token()).get(preview.get("audio_url").asString()).body();

    try (CallClient call = CallClient.open(port, id, rep.token())) {
      call.config();
      call.await("ai_response");
      call.speak(Arrays.copyOfRange(wav, 44, wav.length));
      call.await("ai_response");
    }

    List<String> sealed =
        jdbc.sql("SELECT sealed FROM call_audio WHERE session_id = CAST(:id AS uuid)")
            .param("id", id)
            .query(String.class)
            .list();
    assertThat(sealed).hasSize(1);
    assertThat(sealed.getFirst()).startsWith("v1:").doesNotContain("UklGR"); // no clear WAV
    ApiClient.Response recording = as(rep).get("/sessions/" + id + "/recordings/1");
    assertThat(recording.status()).as(recording.toString()).isEqualTo(200);
    assertThat(recording.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(new String(recording.body(), 0, 4)).isEqualTo("RIFF");
    assertThat(recording.body().length).isGreaterThan(wav.length / 2);
    assertThat(as(rep).get("/sessions/" + id + "/recordings/0").status()).isEqualTo(404);
    assertThat(
            as(TestUsers.create(rep.orgId(), "rep"))
                .get("/sessions/" + id + "/recordings/1")
                .status())
        .isEqualTo(404);
    assertThat(
            as(TestUsers.create(rep.orgId(), "manager"))
                .get("/sessions/" + id + "/recordings/1")
                .status())
        .isEqualTo(200);
  }
}
