package io.dealflow.training.voice.web;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.security.Tenant;
import io.dealflow.training.access.Access;
import io.dealflow.training.speech.InvalidAudioException;
import io.dealflow.training.speech.SpeechFormat;
import io.dealflow.training.speech.Transcript;
import io.dealflow.training.speech.VoiceUnavailableException;
import io.dealflow.training.speech.Voices;
import io.dealflow.training.voice.SynthesizedAudio;
import io.dealflow.training.voice.VoiceStudio;
import io.dealflow.training.web.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Voice previews, their audio, the voices, and one-shot transcription. */
@RestController
@RequestMapping("/api/v1/voice")
@Tag(name = "Voice (Voice Sales Trainer)")
@SecurityRequirement(name = "bearer")
class VoiceController {

  private final VoiceStudio studio;

  VoiceController(VoiceStudio studio) {
    this.studio = studio;
  }

  @GetMapping("/voices")
  @Operation(summary = "The voice ids a session or a preview may use")
  List<String> voices() {
    return Voices.IDS;
  }

  @PostMapping("/synthesize")
  @Operation(
      summary = "Synthesize a preview",
      description =
          "Text (1-1000 characters) to speech: `audio_url` serves it (with its real content type)"
              + " for an hour. `format` mp3 (default) or wav; `speed` 0.5-2.0; `stability` 0-1 is"
              + " accepted for compatibility and used by no engine here. 503"
              + " `VOICE_SERVICE_UNAVAILABLE` when no engine can speak.")
  SynthesizeResponse synthesize(
      Tenant caller, @Valid @RequestBody SynthesizeRequest request, HttpServletRequest http) {
    String voice = Objects.requireNonNullElse(request.voiceId(), Voices.DEFAULT);
    if (!Voices.isKnown(voice)) {
      throw ApiException.invalid(
          "voice_id", "unknown", "must be one of " + String.join(", ", Voices.IDS));
    }
    SynthesizedAudio audio =
        speaking(
            () ->
                studio.synthesize(
                    Access.organization(caller),
                    caller.userId(),
                    request.text().strip(),
                    voice,
                    request.speed() == null ? 1.0 : request.speed(),
                    SpeechFormat.fromWire(Objects.requireNonNullElse(request.format(), "mp3"))));
    return new SynthesizeResponse(
        PublicUrls.http(http, "/api/v1/voice/audio/" + audio.id()),
        audio.duration().toMillis() / 1000.0,
        audio.format().wireName(),
        voice,
        audio.expiresAt());
  }

  @GetMapping("/audio/{audioId}")
  @Operation(summary = "The audio of a preview, while it lasts (404 after)")
  ResponseEntity<byte[]> audio(Tenant caller, @PathVariable String audioId) {
    UUID id;
    try {
      id = UUID.fromString(audioId.replaceFirst("\\.(mp3|wav)$", ""));
    } catch (IllegalArgumentException notAUuid) {
      throw ApiException.notFound("Audio");
    }
    SynthesizedAudio audio = studio.audio(Access.organization(caller), id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(audio.format().contentType()))
        .header("X-Audio-Duration", Double.toString(audio.duration().toMillis() / 1000.0))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"" + audio.id() + "." + audio.format().wireName() + "\"")
        .cacheControl(CacheControl.noStore())
        .body(audio.bytes());
  }

  @PostMapping("/transcribe")
  @Operation(
      summary = "Transcribe one recorded utterance",
      description =
          "`audio` base64 (up to 2 minutes), `format` wav, pcm (16-bit mono at `sample_rate`) or"
              + " mp3. 422 `INVALID_AUDIO_FORMAT` for audio that cannot be decoded; 503"
              + " `VOICE_SERVICE_UNAVAILABLE` when no engine can listen. HelloSales `voice`"
              + " messages on /ws come here through realtime-service.")
  TranscribeResponse transcribe(Tenant caller, @Valid @RequestBody TranscribeRequest request) {
    Access.organization(caller);
    byte[] audio;
    try {
      audio = Base64.getDecoder().decode(request.audio().strip());
    } catch (IllegalArgumentException notBase64) {
      throw invalidAudio("audio is not base64");
    }
    Transcript transcript =
        speaking(
            () ->
                studio.transcribe(
                    audio,
                    request.format(),
                    request.sampleRate() == null ? 16_000 : request.sampleRate()));
    return new TranscribeResponse(
        transcript.text(),
        Math.round(transcript.confidence() * 100) / 100.0,
        transcript.audioLength().toMillis() / 1000.0);
  }

  private static <T> T speaking(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidAudioException invalid) {
      throw invalidAudio(invalid.getMessage());
    } catch (IllegalArgumentException invalid) {
      throw ApiException.invalid("request", "invalid", invalid.getMessage());
    } catch (VoiceUnavailableException unavailable) {
      throw new ApiException(
          ApiError.of(ErrorKind.UNAVAILABLE, "Speech processing is unavailable: try again later")
              .withCode("VOICE_SERVICE_UNAVAILABLE"));
    }
  }

  private static ApiException invalidAudio(@Nullable String why) {
    return new ApiException(
        ApiError.of(ErrorKind.VALIDATION, "Unsupported or unreadable audio: " + why)
            .withCode("INVALID_AUDIO_FORMAT"));
  }

  @Schema(name = "VoiceSynthesizeRequest")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SynthesizeRequest(
      @NotBlank @Size(max = 1000) String text,
      @Size(max = 50) @Nullable String voiceId,
      @DecimalMin("0.5") @DecimalMax("2.0") @Nullable Double speed,
      @DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double stability,
      @Pattern(regexp = "mp3|wav", message = "must be mp3 or wav") @Nullable String format) {}

  @Schema(name = "VoiceSynthesizeResponse")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record SynthesizeResponse(
      String audioUrl, double duration, String format, String voiceId, Instant expiresAt) {}

  @Schema(name = "VoiceTranscribeRequest")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TranscribeRequest(
      @NotBlank String audio,
      @Pattern(regexp = "wav|pcm|mp3", message = "must be wav, pcm or mp3") @NotBlank String format,
      @Min(8000) @Max(48000) @Nullable Integer sampleRate) {

    @Override
    public String toString() {
      return "TranscribeRequest[format=" + format + "]";
    }
  }

  @Schema(name = "VoiceTranscribeResponse")
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TranscribeResponse(String transcript, double confidence, double duration) {}
}
