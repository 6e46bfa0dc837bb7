package io.dealflow.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conversation recordings and assistant voice samples: checked by content and size, stored in the
 * database with their metadata, served back only to their organization.
 */
class UploadsIT extends SpotlightService {

  static final int MB = 1024 * 1024;

  /** A valid WAV header followed by silence. */
  static byte[] wav(int size) {
    byte[] bytes = new byte[size];
    byte[] header = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }

  static byte[] mp3(int size) {
    byte[] bytes = new byte[size];
    bytes[0] = 'I';
    bytes[1] = 'D';
    bytes[2] = '3';
    bytes[3] = 4;
    return bytes;
  }

  @Test
  void aRecordingIsStoredWithItsMetadataAndServedBackByteForByte() throws Exception {
    UUID conversation = createConversation(admin(), Map.of("source", "phone_call"));
    byte[] audio = mp3(4096);
    Arrays.fill(audio, 10, 4096, (byte) 7);

    Api.Response uploaded =
        admin()
            .upload(
                "/api/v1/conversations/" + conversation + "/audio",
                Map.of("duration", "180", "format", "mp3"),
                "audio_file",
                "call.mp3",
                audio);

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    JsonNode attributes = uploaded.attributes();
    assertThat(uploaded.json().get("data").get("type").asString()).isEqualTo("audio_file");
    assertThat(attributes.get("format").asString()).isEqualTo("mp3");
    assertThat(attributes.get("content_type").asString()).isEqualTo("audio/mpeg");
    assertThat(attributes.get("size").asLong()).isEqualTo(4096);
    assertThat(attributes.get("duration").asDouble()).isEqualTo(180.0);
    assertThat(attributes.get("filename").asString()).isEqualTo("call.mp3");
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio));
    assertThat(attributes.get("sha256").asString()).isEqualTo(sha256);
    String url = "/api/v1/conversations/" + conversation + "/audio";
    assertThat(attributes.get("url").asString()).isEqualTo(url);
    assertThat(uploaded.header("Location")).isEqualTo(url);

    Api.Response downloaded = admin().get(url);
    assertThat(downloaded.status()).isEqualTo(200);
    assertThat(downloaded.header("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(downloaded.header("ETag")).isEqualTo("\"" + sha256 + "\"");
    assertThat(downloaded.bytes()).isEqualTo(audio);
    assertThat(
            admin()
                .get("/api/v1/conversations/" + conversation)
                .attributes()
                .get("audio")
                .get("sha256")
                .asString())
        .isEqualTo(sha256);
    assertThat(
            jdbc.sql(
                    "SELECT org_id FROM audio_files WHERE owner_kind = 'conversation' AND owner_id = :id")
                .param("id", conversation)
                .query(UUID.class)
                .single())
        .hasToString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");
  }

  @Test
  void aVoiceSampleReplacesThePreviousOneAndShowsOnTheAssistant() {
    UUID assistant = createAssistant(admin(), "Voiced");
    String path = "/api/v1/assistants/" + assistant + "/voice_sample";

    assertThat(
            admin()
                .upload(path, Map.of("format", "wav"), "voice_sample", "a.wav", wav(2048))
                .status())
        .isEqualTo(201);
    Api.Response second =
        admin()
            .upload(
                path,
                Map.of("format", "wav", "duration", "10"),
                "voice_sample",
                "b.wav",
                wav(1024));

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("data").get("type").asString()).isEqualTo("voice_sample");
    assertThat(admin().get(path).bytes()).hasSize(1024);
    JsonNode sample =
        admin().get("/api/v1/assistants/" + assistant).attributes().get("voice_sample");
    assertThat(sample.get("filename").asString()).isEqualTo("b.wav");
    assertThat(sample.get("duration").asDouble()).isEqualTo(10.0);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audio_files WHERE owner_id = :id")
                .param("id", assistant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anOversizedRecordingAnswers413AndStoresNothing() {
    UUID conversation = createConversation(admin(), Map.of());
    long before = rows("audio_files");

    Api.Response refused =
        admin()
            .upload(
                "/api/v1/conversations/" + conversation + "/audio",
                Map.of("format", "wav"),
                "audio_file",
                "long.wav",
                wav(25 * MB + 1));

    assertThat(refused.status()).isEqualTo(413);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("status").asString()).isEqualTo("413");
    assertThat(error.get("title").asString()).isEqualTo("Payload Too Large");
    assertThat(error.get("meta").get("max_bytes").asLong()).isEqualTo(25L * MB);
    assertThat(rows("audio_files")).isEqualTo(before);
  }

  @Test
  void aVoiceSampleOverTenMegabytesAnswers413() {
    UUID assistant = createAssistant(admin(), "Chatty");

    Api.Response refused =
        admin()
            .upload(
                "/api/v1/assistants/" + assistant + "/voice_sample",
                Map.of(),
                "voice_sample",
                "sample.wav",
                wav(10 * MB + 1));

    assertThat(refused.status()).isEqualTo(413);
    assertThat(admin().get("/api/v1/assistants/" + assistant + "/voice_sample").status())
        .isEqualTo(404);
  }

  @Test
  void contentThatIsNotAudioAnswers415WhateverTheDeclaredFormat() {
    UUID conversation = createConversation(admin(), Map.of());
    long before = rows("audio_files");

    Api.Response refused =
        admin()
            .upload(
                "/api/v1/conversations/" + conversation + "/audio",
                Map.of("format", "mp3"),
                "audio_file",
                "invoice.mp3",
                "%PDF-1.7 not audio at all".getBytes(StandardCharsets.US_ASCII));

    assertThat(refused.status()).isEqualTo(415);
    assertThat(refused.json().get("errors").get(0).get("title").asString())
        .isEqualTo("Unsupported Media Type");
    assertThat(rows("audio_files")).isEqualTo(before);
  }

  @Test
  void aDeclaredFormatThatContradictsTheContentAnswers422PointingAtFormat() {
    UUID conversation = createConversation(admin(), Map.of());

    Api.Response refused =
        admin()
            .upload(
                "/api/v1/conversations/" + conversation + "/audio",
                Map.of("format", "mp3"),
                "audio_file",
                "call.mp3",
                wav(512));

    assertThat(refused.status()).isEqualTo(422);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("source").get("pointer").asString()).isEqualTo("/data/attributes/format");
    assertThat(error.get("detail").asString()).contains("wav");
  }

  @Test
  void unknownFormatBadDurationAndMissingFileAnswer422() {
    UUID conversation = createConversation(admin(), Map.of());
    String path = "/api/v1/conversations/" + conversation + "/audio";

    Api.Response unknown =
        admin()
            .upload(
                path, Map.of("format", "exe", "duration", "-4"), "audio_file", "x.exe", wav(64));
    Api.Response missing = admin().upload(path, Map.of("format", "wav"), "audio_file", "x", null);

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(
            unknown
                .json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("source").get("pointer").asString()))
        .containsExactly("/data/attributes/format", "/data/attributes/duration");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("errors").get(0).get("source").get("pointer").asString())
        .isEqualTo("/data/attributes/audio_file");
  }

  @Test
  void aJsonBodyAnswers415() {
    UUID conversation = createConversation(admin(), Map.of());

    Api.Response refused =
        admin().post("/api/v1/conversations/" + conversation + "/audio", Map.of("audio_file", "x"));

    assertThat(refused.status()).isEqualTo(415);
  }

  @Test
  void otherOrganizationsAudioAnswers404AndTheirUploadIsRefused() {
    UUID conversation = createConversation(admin(), Map.of());
    UUID assistant = createAssistant(admin(), "Private Voice");
    admin()
        .upload(
            "/api/v1/conversations/" + conversation + "/audio",
            Map.of(),
            "audio_file",
            "a.wav",
            wav(256));
    admin()
        .upload(
            "/api/v1/assistants/" + assistant + "/voice_sample",
            Map.of(),
            "voice_sample",
            "v.wav",
            wav(256));
    long before = rows("audio_files");

    assertThat(stranger().get("/api/v1/conversations/" + conversation + "/audio").status())
        .isEqualTo(404);
    assertThat(stranger().get("/api/v1/assistants/" + assistant + "/voice_sample").status())
        .isEqualTo(404);
    assertThat(
            stranger()
                .upload(
                    "/api/v1/conversations/" + conversation + "/audio",
                    Map.of(),
                    "audio_file",
                    "evil.wav",
                    wav(128))
                .status())
        .isEqualTo(404);
    assertThat(rows("audio_files")).isEqualTo(before);
    assertThat(admin().get("/api/v1/conversations/" + conversation + "/audio").bytes())
        .hasSize(256);
  }
}
