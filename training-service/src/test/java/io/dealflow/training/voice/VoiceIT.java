package io.dealflow.training.voice;

import static io.dealflow.training.TrainerErrors.assertTrainerError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient;
import io.dealflow.platform.test.ApiClient.Response;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.platform.test.WordErrorRate;
import io.dealflow.training.RunningTrainingService;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Voice previews behind their audio_url, and one-shot transcription. */
class VoiceIT extends RunningTrainingService {

  @Test
  void aPreviewIsServedWithItsRealContentTypeAndDurationToItsOrganizationOnly() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    ApiClient client = as(rep);

    Response mp3 =
        client.post(
            "/voice/synthesize",
            Map.of(
                "text",
                "Hello, this is a test message for voice synthesis",
                "voice_id",
                "professional_female",
                "speed",
                1.0,
                "stability",
                0.7));

    assertThat(mp3.status()).as(mp3.toString()).isEqualTo(200);
    JsonNode body = mp3.json();
    assertThat(body.get("format").asString()).isEqualTo("mp3");
    assertThat(body.get("duration").asDouble()).isBetween(1.5, 6.0);
    String url = body.get("audio_url").asString();
    assertThat(url).startsWith("http://localhost:" + port + "/api/v1/voice/audio/");
    Response audio = new ApiClient("", rep.token()).get(url);
    assertThat(audio.status()).isEqualTo(200);
    assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(audio.headers().firstValue("X-Audio-Duration"))
        .hasValue(Double.toString(body.get("duration").asDouble()));
    assertThat(audio.body().length).isGreaterThan(1000);
    assertThat(audio.body()[0] == (byte) 0xFF || audio.body()[0] == 'I').isTrue();

    JsonNode wav =
        client.post("/voice/synthesize", Map.of("text", "Short one.", "format", "wav")).json();
    Response wavAudio = new ApiClient("", rep.token()).get(wav.get("audio_url").asString());
    assertThat(wavAudio.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(new String(wavAudio.body(), 0, 4)).isEqualTo("RIFF");

    TestUser stranger = TestUsers.inNewOrganization("rep");
    assertThat(new ApiClient("", stranger.token()).get(url).status()).isEqualTo(404);
  }

  @Test
  void aRecordedUtteranceIsTranscribed() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    String sentence = "could we schedule a meeting next tuesday to talk about pricing";
    JsonNode preview =
        as(rep).post("/voice/synthesize", Map.of("text", sentence, "format", "wav")).json();
    byte[] wav = new ApiClient("", rep.token()).get(preview.get("audio_url").asString()).body();

    Response heard =
        as(rep)
            .post(
                "/voice/transcribe",
                Map.of(
                    "audio",
                    Base64.getEncoder().encodeToString(wav),
                    "format",
                    "wav",
                    "sample_rate",
                    16000));

    assertThat(heard.status()).as(heard.toString()).isEqualTo(200);
    assertThat(WordErrorRate.of(sentence, heard.json().get("transcript").asString()))
        .as(heard.toString())
        .isLessThanOrEqualTo(0.2);
    assertThat(heard.json().get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(heard.json().get("duration").asDouble()).isPositive();
  }

  @Test
  void badVoiceRequestsGetClearErrors() {
    ApiClient rep = as(TestUsers.inNewOrganization("rep"));

    assertTrainerError(
        rep.post("/voice/synthesize", Map.of("text", "Hi", "voice_id", "robot")),
        422,
        "VALIDATION_ERROR");
    assertTrainerError(
        rep.post("/voice/synthesize", Map.of("text", "Hi", "speed", 9)), 422, "VALIDATION_ERROR");
    assertTrainerError(rep.post("/voice/synthesize", Map.of("text", "")), 422, "VALIDATION_ERROR");
    assertTrainerError(
        rep.post(
            "/voice/transcribe",
            Map.of(
                "audio",
                Base64.getEncoder().encodeToString("garbage!".getBytes()),
                "format",
                "wav")),
        422,
        "INVALID_AUDIO_FORMAT");
    assertTrainerError(
        rep.post("/voice/transcribe", Map.of("audio", "%%%", "format", "wav")),
        422,
        "INVALID_AUDIO_FORMAT");
    assertTrainerError(
        rep.post("/voice/transcribe", Map.of("audio", "AAAA", "format", "ogg")),
        422,
        "VALIDATION_ERROR");
    assertThat(rep.get("/voice/voices").json().size()).isEqualTo(5);
    assertThat(rep.get("/voice/audio/not-an-id").status()).isEqualTo(404);
  }
}
