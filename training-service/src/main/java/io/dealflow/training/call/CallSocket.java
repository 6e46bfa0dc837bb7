package io.dealflow.training.call;

import io.dealflow.platform.ai.AiProviderException;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ApiFamily;
import io.dealflow.platform.error.ErrorBodies;
import io.dealflow.training.prospect.Prospect;
import io.dealflow.training.prospect.ProspectReply;
import io.dealflow.training.prospect.Roleplay;
import io.dealflow.training.prospect.ScriptedProspect;
import io.dealflow.training.scenario.Scenario;
import io.dealflow.training.scenario.ScenarioManagement;
import io.dealflow.training.scoring.CallTurn;
import io.dealflow.training.scoring.CoachingTip;
import io.dealflow.training.scoring.Language;
import io.dealflow.training.scoring.LiveCoach;
import io.dealflow.training.scoring.Speaker;
import io.dealflow.training.session.CallRecordings;
import io.dealflow.training.session.GivenTip;
import io.dealflow.training.session.SessionManagement;
import io.dealflow.training.session.TrainingSession;
import io.dealflow.training.session.Turn;
import io.dealflow.training.speech.AudioSpec;
import io.dealflow.training.speech.InvalidAudioException;
import io.dealflow.training.speech.Speech;
import io.dealflow.training.speech.SpeechEvent;
import io.dealflow.training.speech.SpeechFormat;
import io.dealflow.training.speech.SpeechSettings;
import io.dealflow.training.speech.SpeechToText;
import io.dealflow.training.speech.TextToSpeech;
import io.dealflow.training.speech.VoiceUnavailableException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call protocol of {@code /ws/voice/{session_id}} (the seed's, plus documented additions):
 *
 * <ul>
 *   <li>{@code config} {sample_rate, channels, format} starts (or, after a reconnect, resumes) the
 *       session: {@code session_started}, then the prospect picks up with an {@code ai_response};
 *       an unsupported format is {@code INVALID_AUDIO_FORMAT} and the socket stays open;
 *   <li>{@code audio} (base64 chunks) is transcribed as it streams: {@code transcript} partials
 *       ({@code is_final: false}); silence ends the rep's turn: the final {@code transcript}, any
 *       {@code coaching}, then the prospect's {@code ai_response} {text, audio, sentiment, intent};
 *   <li>{@code text} (an addition for clients without a microphone) is a typed turn;
 *   <li>{@code control} pause / resume / end answers {@code session_paused} / {@code
 *       session_resumed} / {@code session_ended}; ending scores the call, completes the session,
 *       publishes {@code training.session.completed} and closes the socket (1000).
 * </ul>
 *
 * Every line is stored as it is said, so a dropped socket loses nothing; the session stays open for
 * a reconnect. A socket without {@code config} within 15 s is closed with 4400.
 */
@Component
class CallSocket extends TextWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(CallSocket.class);

  /** What a socket may hold unsent before it is closed as too slow a reader. */
  private static final int SEND_BUFFER_BYTES = 8 * 1024 * 1024;

  private final SessionManagement sessions;
  private final CallRecordings recordings;
  private final ScenarioManagement scenarios;
  private final Prospect prospect;
  private final ScriptedProspect fallback = new ScriptedProspect();
  private final SpeechToText speechToText;
  private final TextToSpeech textToSpeech;
  private final Duration endSilence;
  private final Duration configTimeout;
  private final JsonMapper json;
  private final Clock clock;
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
  private final Map<String, Call> calls = new ConcurrentHashMap<>();

  CallSocket(
      SessionManagement sessions,
      CallRecordings recordings,
      ScenarioManagement scenarios,
      Prospect prospect,
      SpeechToText speechToText,
      TextToSpeech textToSpeech,
      SpeechSettings speech,
      CallSettings settings,
      JsonMapper json,
      Clock clock) {
    this.sessions = sessions;
    this.recordings = recordings;
    this.scenarios = scenarios;
    this.prospect = prospect;
    this.speechToText = speechToText;
    this.textToSpeech = textToSpeech;
    this.endSilence = speech.endSilence();
    this.configTimeout = settings.configTimeout();
    this.json = json;
    this.clock = clock;
  }

  @PreDestroy
  void stop() {
    timers.shutdownNow();
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession raw) {
    WebSocketSession socket =
        new ConcurrentWebSocketSessionDecorator(raw, 10_000, SEND_BUFFER_BYTES);
    TrainingSession session = (TrainingSession) raw.getAttributes().get(CallHandshake.SESSION);
    Scenario scenario = scenarios.find(session.orgId(), session.scenarioId());
    Call call =
        new Call(
            socket,
            session,
            new Roleplay(scenario, session.configuration().difficultyLevel()),
            sessions.transcript(session),
            sessions.tips(session));
    calls.put(raw.getId(), call);
    call.configTimeout =
        timers.schedule(
            () -> {
              if (!call.configured() && socket.isOpen()) {
                send(
                    call,
                    CallMessages.error(
                        "CONFIG_REQUIRED",
                        "No audio configuration arrived within "
                            + configTimeout.toSeconds()
                            + " s: send {\"type\":\"config\",\"data\":{\"sample_rate\":16000,"
                            + "\"channels\":1,\"format\":\"pcm\"}} first",
                        false));
                close(call, new CloseStatus(4400, "no config"));
              }
            },
            configTimeout.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @Override
  protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
    Call call = calls.get(raw.getId());
    if (call == null || call.ended) {
      return;
    }
    JsonNode parsed;
    try {
      parsed = json.readTree(message.getPayload());
    } catch (JacksonException notJson) {
      send(call, CallMessages.error("INVALID_MESSAGE", "The message is not JSON", false));
      return;
    }
    String type = parsed.path("type").asString("");
    try {
      switch (type) {
        case "config" -> configure(call, parsed.path("data"));
        case "audio" -> audio(call, parsed.path("data"));
        case "text" -> typed(call, parsed.path("data"));
        case "control" -> control(call, parsed);
        case "ping" -> send(call, CallMessages.message("pong", Map.of()));
        default ->
            send(
                call,
                CallMessages.error(
                    "UNKNOWN_MESSAGE_TYPE",
                    "Unknown message type \"" + type + "\": config, audio, text, control, ping",
                    false));
      }
    } catch (InvalidAudioException invalid) {
      send(call, CallMessages.error("INVALID_AUDIO_FORMAT", invalid.getMessage(), true));
    } catch (VoiceUnavailableException unavailable) {
      log.warn("Speech engine unavailable: {}", unavailable.getMessage());
      send(
          call,
          CallMessages.error(
              "VOICE_SERVICE_UNAVAILABLE", "Speech processing is unavailable right now", true));
    } catch (ApiException refused) {
      send(
          call,
          CallMessages.error(
              ErrorBodies.code(ApiFamily.TRAINER, refused.error()),
              refused.error().message(),
              false));
    } catch (DataAccessException storage) {
      log.error("Session {}: storage failed", call.session.id(), storage);
      send(
          call,
          CallMessages.error(
              "SESSION_STORAGE_UNAVAILABLE",
              "The session could not be saved right now: try again",
              true));
    }
  }

  private void configure(Call call, JsonNode data) {
    AudioSpec spec =
        AudioSpec.of(
            data.path("sample_rate").isNumber() ? data.path("sample_rate").asInt() : null,
            data.path("channels").isNumber() ? data.path("channels").asInt() : null,
            data.path("format").isString() ? data.path("format").asString() : null);
    if (call.transcription != null) {
      call.transcription.close();
    }
    call.transcription = speechToText.open(spec);
    boolean first = !call.configured();
    call.spec = spec;
    if (call.configTimeout != null) {
      call.configTimeout.cancel(false);
    }
    call.session = sessions.start(call.session);
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("session_id", call.session.id().toString());
    started.put("status", call.session.status().id());
    started.put("sample_rate", spec.sampleRate());
    started.put("channels", spec.channels());
    started.put("format", spec.format());
    started.put("coaching_enabled", call.session.configuration().coachingEnabled());
    started.put("scenario_id", call.roleplay.scenario().id().toString());
    started.put("prospect", call.roleplay.scenario().persona().name());
    started.put("speech_to_text", speechToText.engine());
    send(call, CallMessages.message("session_started", started));
    if (first && call.turns.isEmpty()) {
      speak(call, prospect.open(call.roleplay));
    }
  }

  private void audio(Call call, JsonNode data) {
    if (!call.configured() || call.transcription == null) {
      send(call, CallMessages.error("CONFIG_REQUIRED", "Send config before audio", true));
      return;
    }
    if (call.paused()) {
      send(call, CallMessages.error("SESSION_PAUSED", "The session is paused: resume first", true));
      return;
    }
    String encoded = data.isString() ? data.asString() : data.path("audio").asString("");
    byte[] chunk;
    try {
      chunk = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException notBase64) {
      send(
          call,
          CallMessages.error("AUDIO_PROCESSING_ERROR", "The audio chunk is not base64", true));
      return;
    }
    if (chunk.length == 0) {
      send(call, CallMessages.error("AUDIO_PROCESSING_ERROR", "The audio chunk is empty", true));
      return;
    }
    if (chunk.length > CallSettings.MAX_CHUNK_BYTES) {
      send(
          call,
          CallMessages.error(
              "AUDIO_CHUNK_TOO_LARGE",
              "An audio chunk may hold at most " + CallSettings.MAX_CHUNK_BYTES / 1024 + " KiB",
              true));
      return;
    }
    call.audioChunks++;
    call.audioBytes += chunk.length;
    if (recordings.enabled()) {
      AudioSpec spec = java.util.Objects.requireNonNull(call.spec);
      int cap = spec.sampleRate() * spec.channels() * 2 * Call.MAX_RECORDING_SECONDS;
      if (call.heardAudio.size() + chunk.length <= cap) {
        call.heardAudio.writeBytes(chunk);
      }
    }
    for (SpeechEvent event : call.transcription.accept(chunk)) {
      switch (event) {
        case SpeechEvent.Partial partial -> {
          if (!partial.text().isBlank()) {
            send(call, CallMessages.transcript(partial.text(), false, null));
          }
        }
        case SpeechEvent.Utterance utterance -> heard(call, utterance, true);
      }
    }
  }

  private void heard(Call call, SpeechEvent.Utterance utterance, boolean answer) {
    byte[] recorded = call.heardAudio.toByteArray();
    call.heardAudio.reset();
    if (utterance.text().isBlank()) {
      return;
    }
    if (recorded.length > 0 && call.spec != null) {
      // Kept before the prospect answers: the recording of a line exists once its reply does.
      recordings.keep(
          call.session,
          call.turns.size(),
          Wav.of(recorded, call.spec.sampleRate(), call.spec.channels()));
    }
    Instant began = clock.instant().minus(utterance.speechLength()).minus(endSilence);
    repTurn(
        call,
        utterance.text(),
        utterance.speechLength(),
        "voice",
        utterance.confidence(),
        began.isBefore(call.prospectSpeaksUntil),
        answer);
  }

  private void typed(Call call, JsonNode data) {
    if (!call.configured()) {
      send(call, CallMessages.error("CONFIG_REQUIRED", "Send config before the first turn", true));
      return;
    }
    if (call.paused()) {
      send(call, CallMessages.error("SESSION_PAUSED", "The session is paused: resume first", true));
      return;
    }
    String text = (data.isString() ? data.asString() : data.path("text").asString("")).strip();
    if (text.isEmpty() || text.length() > CallSettings.MAX_TEXT) {
      send(
          call,
          CallMessages.error(
              "INVALID_MESSAGE",
              "A text turn needs data of 1-" + CallSettings.MAX_TEXT + " characters",
              false));
      return;
    }
    repTurn(call, text, Language.speakingTime(text), "text", null, false, true);
  }

  private void repTurn(
      Call call,
      String text,
      Duration speech,
      String source,
      @Nullable Double confidence,
      boolean talkedOver,
      boolean answer) {
    Turn turn =
        new Turn(
            call.turns.size(),
            Speaker.USER,
            text,
            clock.instant(),
            speech,
            source,
            Language.repSentiment(text),
            null);
    sessions.record(call.session, turn);
    call.turns.add(turn);
    send(call, CallMessages.transcript(text, true, confidence));
    List<CallTurn> history = call.turns.stream().map(Turn::forScoring).toList();
    if (call.session.configuration().coachingEnabled()) {
      coach(call, history, talkedOver);
    }
    if (answer) {
      speak(call, answer(call, history));
      if (call.session.overtime(clock.instant())) {
        end(call, "The session reached its maximum duration");
      }
    }
  }

  private ProspectReply answer(Call call, List<CallTurn> history) {
    try {
      return prospect.reply(call.roleplay, history);
    } catch (AiProviderException modelFailed) {
      log.warn(
          "Session {}: the model prospect failed ({}), the scripted one answers",
          call.session.id(),
          modelFailed.reason());
      return fallback.reply(call.roleplay, history);
    }
  }

  private void coach(Call call, List<CallTurn> history, boolean talkedOver) {
    List<LiveCoach.Given> earlier =
        call.tips.stream().map(tip -> new LiveCoach.Given(tip.rule(), tip.repTurn())).toList();
    int repTurn = call.repTurns() - 1;
    for (CoachingTip tip : LiveCoach.after(history, earlier, talkedOver)) {
      GivenTip given =
          new GivenTip(
              call.tips.size(),
              tip.rule(),
              tip.category(),
              tip.urgency(),
              tip.message(),
              repTurn,
              clock.instant());
      sessions.recordTip(call.session, given);
      call.tips.add(given);
      send(call, CallMessages.coaching(tip));
    }
  }

  /** The prospect says something: synthesized, stored, sent. */
  private void speak(Call call, ProspectReply reply) {
    Speech speech = null;
    try {
      speech =
          textToSpeech.synthesize(
              reply.text(), call.session.configuration().voiceId(), 1.0, SpeechFormat.WAV);
    } catch (VoiceUnavailableException unavailable) {
      log.warn(
          "Session {}: no speech for the prospect: {}",
          call.session.id(),
          unavailable.getMessage());
      send(
          call,
          CallMessages.error(
              "VOICE_SERVICE_UNAVAILABLE",
              "The prospect's voice is unavailable: its reply comes as text only",
              true));
    }
    Duration length = speech == null ? Language.speakingTime(reply.text()) : speech.duration();
    Turn turn =
        new Turn(
            call.turns.size(),
            Speaker.AI,
            reply.text(),
            clock.instant(),
            length,
            reply.source(),
            reply.sentiment(),
            reply.intent());
    sessions.record(call.session, turn);
    call.turns.add(turn);
    send(call, CallMessages.aiResponse(reply, speech));
    call.prospectSpeaksUntil = clock.instant().plus(length);
  }

  private void control(Call call, JsonNode message) {
    String action = message.path("action").asString("");
    if (action.isEmpty()) {
      action = message.path("data").path("action").asString("");
    }
    switch (action) {
      case "pause" -> {
        flush(call);
        call.session = sessions.pause(call.session);
        send(call, CallMessages.message("session_paused", status(call)));
      }
      case "resume" -> {
        call.session = sessions.resume(call.session);
        send(call, CallMessages.message("session_resumed", status(call)));
      }
      case "end" -> end(call, "Ended by the rep");
      default ->
          send(
              call,
              CallMessages.error(
                  "INVALID_MESSAGE", "control needs an action: pause, resume or end", false));
    }
  }

  private void end(Call call, String why) {
    flush(call);
    TrainingSession completed = sessions.complete(call.session);
    call.session = completed;
    call.ended = true;
    Map<String, Object> data = status(call);
    data.put("duration", completed.duration());
    data.put("reason", why);
    data.put("audio_received", Map.of("chunks", call.audioChunks, "bytes", call.audioBytes));
    var score = completed.scorecard();
    if (score != null) {
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("overall_score", score.metrics().overallScore());
      metrics.put("talk_time_ratio", score.metrics().talkTimeRatio());
      metrics.put("question_count", score.metrics().questionCount());
      metrics.put("objection_handling_score", score.metrics().objectionHandlingScore());
      metrics.put("rapport_building_score", score.metrics().rapportBuildingScore());
      metrics.put("closing_effectiveness", score.metrics().closingEffectiveness());
      data.put("performance_metrics", metrics);
    }
    send(call, CallMessages.message("session_ended", data));
    log.info("Session {} completed: {}", completed.id(), why);
    close(call, CloseStatus.NORMAL);
  }

  /** The rep's unfinished utterance becomes a turn (unanswered): nothing said is lost. */
  private void flush(Call call) {
    if (call.transcription == null) {
      return;
    }
    Optional<SpeechEvent.Utterance> pending = call.transcription.flush();
    pending.ifPresent(utterance -> heard(call, utterance, false));
  }

  private Map<String, Object> status(Call call) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("session_id", call.session.id().toString());
    data.put("status", call.session.status().id());
    return data;
  }

  @Override
  public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
    Call call = calls.remove(raw.getId());
    if (call == null) {
      return;
    }
    if (call.configTimeout != null) {
      call.configTimeout.cancel(false);
    }
    if (call.transcription != null) {
      try {
        if (!call.ended) {
          flush(call);
        }
      } catch (RuntimeException notSaved) {
        log.warn("Session {}: the last utterance could not be kept", call.session.id(), notSaved);
      } finally {
        call.transcription.close();
      }
    }
  }

  private void send(Call call, Map<String, ?> message) {
    if (!call.socket.isOpen()) {
      return;
    }
    try {
      call.socket.sendMessage(new TextMessage(json.writeValueAsString(message)));
    } catch (IOException | RuntimeException failed) {
      log.debug(
          "Session {}: a message could not be sent: {}", call.session.id(), failed.toString());
    }
  }

  private static void close(Call call, CloseStatus status) {
    try {
      call.socket.close(status);
    } catch (IOException alreadyGone) {
      log.debug("Session {}: closed already", call.session.id());
    }
  }
}
