package io.dealflow.realtime.socket.hellosales;

import io.dealflow.platform.security.Tenant;
import io.dealflow.realtime.socket.CloseCodes;
import io.dealflow.realtime.socket.ProtocolHandler;
import io.dealflow.realtime.socket.ServiceAnswer;
import io.dealflow.realtime.socket.SocketAuthenticator;
import io.dealflow.realtime.socket.SocketAuthenticator.SocketUser;
import io.dealflow.realtime.socket.SocketConnection;
import io.dealflow.realtime.socket.SocketEndpoint;
import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.realtime.socket.SocketRegistry;
import io.dealflow.realtime.socket.SocketSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws}: the HelloSales protocol. Every message is {@code {"type","payload"}}; the first must
 * be {@code auth}, unless the handshake carried the token ({@code Authorization: Bearer} or {@code
 * ?token=}): then the socket is authenticated as it opens and the server sends {@code auth.success}
 * unasked, or {@code auth.error} and closes it with 4401. Every message gets an answer — a result
 * or an {@code error} with one of the seed's codes — never silence.
 */
@Component
class HelloSalesSocketHandler implements ProtocolHandler {

  /** The audio formats training-service transcribes. */
  private static final Set<String> VOICE_FORMATS = Set.of("wav", "mp3", "pcm");

  static final int MIN_SAMPLE_RATE = 8000;
  static final int MAX_SAMPLE_RATE = 48000;

  /** The longest chat message a rep may send, in characters. */
  static final int MAX_CHAT_LENGTH = 4000;

  /** The longest feedback comment, in characters. */
  static final int MAX_COMMENT_LENGTH = 2000;

  private final SocketAuthenticator authenticator;
  private final SocketRegistry registry;
  private final SocketSettings settings;
  private final IdentityProfiles profiles;
  private final PlaybookCoach coach;
  private final TrainingTranscriber transcriber;
  private final int maxMessage;
  private final int maxVoice;

  HelloSalesSocketHandler(
      SocketAuthenticator authenticator,
      SocketRegistry registry,
      SocketSettings settings,
      IdentityProfiles profiles,
      PlaybookCoach coach,
      TrainingTranscriber transcriber) {
    this.authenticator = authenticator;
    this.registry = registry;
    this.settings = settings;
    this.profiles = profiles;
    this.coach = coach;
    this.transcriber = transcriber;
    this.maxMessage = (int) settings.frames().hellosalesMessage().toBytes();
    this.maxVoice = (int) settings.frames().hellosalesVoice().toBytes();
  }

  @Override
  public SocketEndpoint endpoint() {
    return SocketEndpoint.HELLOSALES;
  }

  @Override
  public Mono<Void> serve(WebSocketSession session, @Nullable String handshakeToken) {
    SocketConnection connection =
        new SocketConnection(session, SocketEndpoint.HELLOSALES, settings, registry);
    State state = new State();
    if (handshakeToken == null) {
      return connection
          .serve(
              maxVoice,
              bytes -> tooLarge(connection, bytes),
              inbound -> onFrame(connection, state, inbound))
          .doFinally(signal -> state.stop());
    }
    AtomicReference<@Nullable String> pendingToken = new AtomicReference<>(handshakeToken);
    // Assembled when subscribed, taking the token: the socket's chain keeps no copy of it. Messages
    // wait for it, so an early auth message cannot admit the socket a second time.
    Mono<Void> handshakeAuth =
        Mono.defer(
                () -> {
                  String token = pendingToken.getAndSet(null);
                  return token == null
                      ? Mono.<Void>empty()
                      : handshakeAuth(connection, state, token);
                })
            .cache();
    return Mono.when(
            connection.serve(
                maxVoice,
                bytes -> tooLarge(connection, bytes),
                inbound ->
                    handshakeAuth.then(Mono.defer(() -> onFrame(connection, state, inbound)))),
            handshakeAuth)
        .doFinally(signal -> state.stop());
  }

  /**
   * A message past the voice limit, not even read: answered, and the socket stays open. (Past the
   * transport's own limit, {@code frames.transport-max}, Netty closes the socket with 1009.)
   */
  private Mono<Void> tooLarge(SocketConnection connection, int bytes) {
    return error(
        connection,
        "VALIDATION_ERROR",
        "The message is too large ("
            + bytes
            + " bytes): the limit is "
            + maxVoice
            + " bytes for voice (about 24 s of 16 kHz 16-bit mono WAV as base64) and "
            + maxMessage
            + " bytes for any other message");
  }

  /** Only {@code voice} messages may be larger than {@code frames.hellosales-message}. */
  private Mono<Void> onFrame(
      SocketConnection connection, State state, SocketConnection.Inbound inbound) {
    if (inbound.bytes() > maxMessage) {
      ObjectNode message = SocketJson.readObject(inbound.text());
      if (message == null || !"voice".equals(SocketJson.text(message, "type"))) {
        return error(
            connection,
            "VALIDATION_ERROR",
            "The message is too large ("
                + inbound.bytes()
                + " bytes): the limit is "
                + maxMessage
                + " bytes for any message but voice");
      }
    }
    return onMessage(connection, state, inbound.text());
  }

  /** A token on the handshake: admitted as by an {@code auth} message, or refused with 4401. */
  private Mono<Void> handshakeAuth(SocketConnection connection, State state, String token) {
    return authenticator
        .authenticate(token)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            user -> {
              if (user.isPresent()) {
                return admitted(connection, state, user.get(), token);
              }
              ObjectNode failure = SocketJson.object();
              failure.put("code", "INVALID_TOKEN");
              failure.put("message", "Token verification failed");
              // Said in the protocol, then closed as /ws/events and /cable close a bad ?token=.
              send(connection, "auth.error", failure);
              connection.close(CloseCodes.unauthorized("invalid or expired token"));
              return Mono.empty();
            });
  }

  private Mono<Void> onMessage(SocketConnection connection, State state, String text) {
    ObjectNode message = SocketJson.readObject(text);
    if (message == null) {
      return error(connection, "INVALID_MESSAGE", "The message is not a JSON object");
    }
    String type = SocketJson.text(message, "type");
    if (type == null || type.isBlank()) {
      return error(connection, "INVALID_MESSAGE", "The message has no type");
    }
    JsonNode payload = message.path("payload");
    if ("auth".equals(type)) {
      return auth(connection, state, message, payload);
    }
    if ("ping".equals(type)) {
      ObjectNode pong = SocketJson.object();
      pong.put("timestamp", Instant.now().toString());
      return send(connection, "pong", pong);
    }
    if (connection.tenant() == null) {
      return error(
          connection,
          "UNAUTHORIZED",
          "Authenticate first: {\"type\":\"auth\",\"payload\":{\"token\":…}}");
    }
    return switch (type) {
      case "session.start" -> startSession(connection, state, payload);
      case "session.end" -> endSession(connection, state);
      case "profile.update" -> updateProfile(connection, state, payload);
      case "chat" -> chat(connection, state, payload);
      case "pipeline.cancel" -> cancelPipeline(connection, state);
      case "feedback" -> feedback(connection, state, payload);
      case "voice" -> voice(connection, state, payload);
      default -> error(connection, "UNKNOWN_MESSAGE_TYPE", "Unknown message type: " + type);
    };
  }

  private Mono<Void> auth(
      SocketConnection connection, State state, ObjectNode message, JsonNode payload) {
    String token = SocketJson.text(payload, "token");
    if (token == null) {
      token = SocketJson.text(message, "token");
    }
    if (token == null) {
      return error(connection, "VALIDATION_ERROR", "payload.token is required");
    }
    String presented = token;
    return authenticator
        .authenticate(presented)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            user -> {
              if (user.isPresent()) {
                return admitted(connection, state, user.get(), presented);
              }
              ObjectNode failure = SocketJson.object();
              failure.put("code", "INVALID_TOKEN");
              failure.put("message", "Token verification failed");
              return send(connection, "auth.error", failure);
            });
  }

  private Mono<Void> admitted(
      SocketConnection connection, State state, SocketUser user, String token) {
    Tenant current = connection.tenant();
    if (current == null) {
      if (user.tenant().orgId() == null) {
        // Said in the protocol before admit() closes the socket with 4403.
        error(connection, "FORBIDDEN", "The user belongs to no organization");
      }
      return connection
          .admit(user, event -> {})
          .flatMap(admitted -> admitted ? success(connection, state, user, token) : Mono.empty());
    }
    if (!current.userId().equals(user.tenant().userId())
        || !Objects.equals(current.orgId(), user.tenant().orgId())) {
      // A socket never changes hands: said in the protocol, then closed.
      error(connection, "FORBIDDEN", "This socket belongs to another user or organization");
      connection.close(CloseCodes.forbidden("a token of another user or organization"));
      return Mono.empty();
    }
    connection.extend(user.validUntil());
    return success(connection, state, user, token);
  }

  private Mono<Void> success(
      SocketConnection connection, State state, SocketUser user, String token) {
    Tenant tenant = user.tenant();
    state.token = token;
    ObjectNode success = SocketJson.object();
    success.put("userId", tenant.userId().toString());
    if (state.session == null) {
      success.putNull("sessionId");
    } else {
      success.put("sessionId", state.session.id().toString());
    }
    success.put("orgId", String.valueOf(tenant.orgId()));
    return send(connection, "auth.success", success);
  }

  private Mono<Void> startSession(SocketConnection connection, State state, JsonNode payload) {
    String service = SocketJson.text(payload, "service");
    if (!"chat".equals(service) && !"voice".equals(service)) {
      return error(connection, "VALIDATION_ERROR", "payload.service must be \"chat\" or \"voice\"");
    }
    if (state.session != null) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "A session is already active (" + state.session.id() + "): end it first");
    }
    state.session = new Session(UUID.randomUUID(), service, System.nanoTime());
    ObjectNode started = SocketJson.object();
    started.put("sessionId", state.session.id().toString());
    started.put("service", service);
    return send(connection, "session.started", started);
  }

  private Mono<Void> endSession(SocketConnection connection, State state) {
    Session ending = state.session;
    if (ending == null) {
      return error(connection, "VALIDATION_ERROR", "There is no active session to end");
    }
    state.session = null;
    ObjectNode ended = SocketJson.object();
    ended.put("sessionId", ending.id().toString());
    ended.put("duration", Duration.ofNanos(System.nanoTime() - ending.startedNanos()).toMillis());
    return send(connection, "session.ended", ended);
  }

  /**
   * Relays a chat turn to the playbook coach. The answer streams in the background as {@code
   * chat.chunk} messages and ends with {@code chat.complete}, so that the socket keeps taking
   * messages ({@code pipeline.cancel} above all) while it runs. One answer runs at a time.
   */
  private Mono<Void> chat(SocketConnection connection, State state, JsonNode payload) {
    String content = SocketJson.text(payload, "content");
    if (content == null || content.isBlank()) {
      return error(connection, "VALIDATION_ERROR", "payload.content is required");
    }
    if (content.length() > MAX_CHAT_LENGTH) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "payload.content is longer than " + MAX_CHAT_LENGTH + " characters");
    }
    Session session = state.session;
    UUID conversation = session != null ? session.id() : state.conversation;
    Answer answer = new Answer();
    if (!state.pipeline.compareAndSet(null, answer)) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "A coach answer is still running: wait for chat.complete or send pipeline.cancel");
    }
    answer.running.update(
        coach
            .ask(Objects.requireNonNull(state.token), conversation, content)
            // Free before the last part or the failure is relayed, so that the client's next turn
            // finds no running answer; doFinally covers cancellation.
            .doOnTerminate(() -> state.pipeline.compareAndSet(answer, null))
            .doFinally(signal -> state.pipeline.compareAndSet(answer, null))
            .subscribe(
                part -> relay(connection, answer, part),
                failure -> coachFailed(connection, failure),
                () -> {
                  if (!answer.ended) {
                    error(connection, "SERVICE_UNAVAILABLE", "The coach's answer was cut off");
                  }
                }));
    return Mono.empty();
  }

  private static void relay(SocketConnection connection, Answer answer, PlaybookCoach.Part part) {
    JsonNode data = part.data();
    switch (part.event()) {
      case "start" -> answer.messageId = SocketJson.text(data, "messageId");
      case "chunk" -> {
        ObjectNode chunk = SocketJson.object();
        chunk.put("content", String.valueOf(SocketJson.text(data, "content")));
        chunk.put("messageId", answer.messageId);
        send(connection, "chat.chunk", chunk);
      }
      case "complete" -> {
        answer.ended = true;
        ObjectNode complete = SocketJson.object();
        complete.put("messageId", SocketJson.text(data, "messageId"));
        complete.put("fullContent", String.valueOf(SocketJson.text(data, "fullContent")));
        send(connection, "chat.complete", complete);
      }
      case "error" -> {
        answer.ended = true;
        error(
            connection,
            Objects.requireNonNullElse(SocketJson.text(data, "code"), "SERVICE_UNAVAILABLE"),
            Objects.requireNonNullElse(
                SocketJson.text(data, "message"), "The coach could not answer"));
      }
      default -> {
        // Parts this relay does not know yet are not the client's concern.
      }
    }
  }

  private static void coachFailed(SocketConnection connection, Throwable failure) {
    if (failure instanceof WebClientResponseException refused
        && refused.getStatusCode().value() < 500) {
      int status = refused.getStatusCode().value();
      String detail = helloSalesDetail(refused.getResponseBodyAsString());
      switch (status) {
        case 401 ->
            error(connection, "UNAUTHORIZED", "The token is no longer valid: authenticate again");
        case 403 ->
            error(connection, "FORBIDDEN", detail != null ? detail : "The coach refused the turn");
        default ->
            error(
                connection,
                "VALIDATION_ERROR",
                detail != null ? detail : "The coach refused the turn");
      }
      return;
    }
    error(connection, "SERVICE_UNAVAILABLE", "The playbook coach is not reachable");
  }

  /**
   * Transcribes a voice turn through training-service. The answer comes in the background as {@code
   * voice.transcript}, so the socket keeps taking messages while it runs; one transcription runs at
   * a time.
   */
  private Mono<Void> voice(SocketConnection connection, State state, JsonNode payload) {
    String audio = SocketJson.text(payload, "audioData");
    if (audio == null || audio.isEmpty() || !isBase64(audio)) {
      return error(connection, "VALIDATION_ERROR", "payload.audioData must be base64 audio");
    }
    String format = SocketJson.text(payload, "format");
    if (format == null || !VOICE_FORMATS.contains(format)) {
      return error(
          connection, "VALIDATION_ERROR", "payload.format must be \"wav\", \"mp3\" or \"pcm\"");
    }
    JsonNode rate = payload.path("sampleRate");
    if (!rate.isIntegralNumber()
        || rate.asInt() < MIN_SAMPLE_RATE
        || rate.asInt() > MAX_SAMPLE_RATE) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "payload.sampleRate must be a whole number " + MIN_SAMPLE_RATE + "-" + MAX_SAMPLE_RATE);
    }
    Disposable.Swap running = Disposables.swap();
    if (!state.transcription.compareAndSet(null, running)) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "A voice turn is still being transcribed: wait for its voice.transcript");
    }
    running.update(
        transcriber
            .transcribe(Objects.requireNonNull(state.token), audio, format, rate.asInt())
            // Free before the answer is relayed (a Mono's terminal hook runs before its value is
            // passed on), so that the client's next turn finds no transcription running.
            .doOnTerminate(() -> state.transcription.compareAndSet(running, null))
            .doFinally(signal -> state.transcription.compareAndSet(running, null))
            .subscribe(outcome -> transcribed(connection, outcome)));
    return Mono.empty();
  }

  private static void transcribed(SocketConnection connection, ServiceAnswer outcome) {
    if (!outcome.reachable() || outcome.status() >= 500) {
      error(
          connection,
          "SERVICE_UNAVAILABLE",
          "Speech recognition is not available: training-service is not reachable or failed");
      return;
    }
    String refusal = detail(outcome.body());
    switch (outcome.status() / 100) {
      case 2 -> {
        ObjectNode transcript = SocketJson.object();
        transcript.put("transcript", String.valueOf(SocketJson.text(outcome.body(), "transcript")));
        JsonNode confidence = outcome.body().path("confidence");
        if (confidence.isNumber()) {
          transcript.set("confidence", confidence);
        } else {
          transcript.putNull("confidence");
        }
        send(connection, "voice.transcript", transcript);
      }
      default -> {
        switch (outcome.status()) {
          case 401 ->
              error(connection, "UNAUTHORIZED", "The token is no longer valid: authenticate again");
          case 403 ->
              error(
                  connection,
                  "FORBIDDEN",
                  refusal != null ? refusal : "The voice turn may not be transcribed");
          default ->
              error(
                  connection,
                  "VALIDATION_ERROR",
                  refusal != null ? refusal : "The audio could not be transcribed");
        }
      }
    }
  }

  /** Standard base64 (padding optional), checked without decoding a megabyte of audio. */
  static boolean isBase64(String text) {
    int length = text.length();
    int padding = 0;
    while (padding < 2 && length - padding > 0 && text.charAt(length - padding - 1) == '=') {
      padding++;
    }
    if ((length - padding) % 4 == 1) {
      return false;
    }
    if (padding > 0 && length % 4 != 0) {
      return false;
    }
    for (int i = 0; i < length - padding; i++) {
      char c = text.charAt(i);
      boolean alphabet =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!alphabet) {
        return false;
      }
    }
    return true;
  }

  private Mono<Void> cancelPipeline(SocketConnection connection, State state) {
    Answer running = state.pipeline.getAndSet(null);
    if (running == null) {
      return error(connection, "VALIDATION_ERROR", "There is no running pipeline to cancel");
    }
    running.ended = true;
    running.running.dispose();
    ObjectNode cancelled = SocketJson.object();
    cancelled.put("messageId", running.messageId);
    return send(connection, "pipeline.cancelled", cancelled);
  }

  private Mono<Void> feedback(SocketConnection connection, State state, JsonNode payload) {
    String messageId = SocketJson.text(payload, "messageId");
    if (messageId == null || !isUuid(messageId)) {
      return error(connection, "VALIDATION_ERROR", "payload.messageId must be a coach answer's id");
    }
    JsonNode rating = payload.path("rating");
    if (!rating.isIntegralNumber() || rating.asInt() < 1 || rating.asInt() > 5) {
      return error(connection, "VALIDATION_ERROR", "payload.rating must be a whole number 1-5");
    }
    JsonNode comment = payload.path("comment");
    if (!comment.isMissingNode() && !comment.isNull() && !comment.isString()) {
      return error(connection, "VALIDATION_ERROR", "payload.comment must be text");
    }
    if (comment.isString() && comment.asString().length() > MAX_COMMENT_LENGTH) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "payload.comment is longer than " + MAX_COMMENT_LENGTH + " characters");
    }
    ObjectNode body = SocketJson.object();
    body.put("rating", rating.asInt());
    if (comment.isString()) {
      body.put("comment", comment.asString());
    }
    return coach
        .feedback(Objects.requireNonNull(state.token), messageId, body)
        .flatMap(
            outcome -> {
              int status = outcome.status();
              if (status >= 200 && status < 300) {
                ObjectNode saved = SocketJson.object();
                saved.put("messageId", messageId);
                saved.put("rating", rating.asInt());
                return send(connection, "feedback.saved", saved);
              }
              if (status == 0 || status >= 500) {
                return error(
                    connection, "SERVICE_UNAVAILABLE", "The playbook coach is not reachable");
              }
              String detail = helloSalesDetail(outcome.body());
              return switch (status) {
                case 401 ->
                    error(
                        connection,
                        "UNAUTHORIZED",
                        "The token is no longer valid: authenticate again");
                case 403 ->
                    error(
                        connection,
                        "FORBIDDEN",
                        detail != null ? detail : "This answer may not be rated");
                default ->
                    error(
                        connection,
                        "VALIDATION_ERROR",
                        detail != null ? detail : "No coach answer " + messageId + " of yours");
              };
            });
  }

  private static @Nullable String helloSalesDetail(@Nullable String body) {
    ObjectNode parsed = body == null ? null : SocketJson.readObject(body);
    return parsed == null ? null : helloSalesDetail(parsed);
  }

  private static @Nullable String helloSalesDetail(JsonNode body) {
    return SocketJson.text(body.path("detail"), "message");
  }

  private static boolean isUuid(String text) {
    try {
      UUID.fromString(text);
      return true;
    } catch (IllegalArgumentException notAUuid) {
      return false;
    }
  }

  /**
   * HelloSales's own profile field, {@code displayName}, goes to {@code PATCH /api/v1/profile} and
   * is answered with the HelloSales profile, as that route answers it. The names and company
   * (Trainer fields, beyond the seed) go to {@code PUT /api/v1/auth/me} and are answered with its
   * user object. The two are never mixed in one message: a failure halfway would leave half a
   * change applied.
   */
  private Mono<Void> updateProfile(SocketConnection connection, State state, JsonNode payload) {
    ObjectNode rename = SocketJson.object();
    copy(payload, rename, "displayName", "displayName");
    ObjectNode change = SocketJson.object();
    copy(payload, change, "first_name", "firstName");
    copy(payload, change, "last_name", "lastName");
    copy(payload, change, "company", "company");
    String token = Objects.requireNonNull(state.token);
    if (!rename.isEmpty() && !change.isEmpty()) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "send displayName in a profile.update of its own, apart from firstName, lastName,"
              + " company");
    }
    if (!rename.isEmpty()) {
      return profiles
          .rename(token, rename)
          .flatMap(outcome -> profileAnswer(connection, outcome, helloSalesDetail(outcome.body())));
    }
    if (change.isEmpty()) {
      return error(
          connection,
          "VALIDATION_ERROR",
          "payload needs displayName, or at least one of firstName, lastName, company");
    }
    return profiles
        .update(token, change)
        .flatMap(outcome -> profileAnswer(connection, outcome, detail(outcome.body())));
  }

  private static Mono<Void> profileAnswer(
      SocketConnection connection, ServiceAnswer outcome, @Nullable String refusal) {
    if (!outcome.reachable() || outcome.status() >= 500) {
      return error(
          connection,
          "SERVICE_UNAVAILABLE",
          "The profile could not be changed: identity-service is not reachable");
    }
    return switch (outcome.status() / 100) {
      case 2 -> send(connection, "profile.updated", outcome.body());
      default ->
          switch (outcome.status()) {
            case 401 ->
                error(
                    connection, "UNAUTHORIZED", "The token is no longer valid: authenticate again");
            case 403 -> error(connection, "FORBIDDEN", "The profile may not be changed");
            default ->
                error(
                    connection,
                    "VALIDATION_ERROR",
                    refusal != null ? refusal : "The profile change was refused");
          };
    };
  }

  private static void copy(JsonNode from, ObjectNode to, String wireName, String camelName) {
    JsonNode value = from.get(camelName);
    if (value == null) {
      value = from.get(wireName);
    }
    if (value != null && !value.isNull()) {
      to.set(wireName, value);
    }
  }

  private static @Nullable String detail(JsonNode identityError) {
    return SocketJson.text(identityError, "detail");
  }

  private static Mono<Void> error(SocketConnection connection, String code, String message) {
    ObjectNode payload = SocketJson.object();
    payload.put("code", code);
    payload.put("message", message);
    return send(connection, "error", payload);
  }

  private static Mono<Void> send(SocketConnection connection, String type, JsonNode payload) {
    ObjectNode message = SocketJson.object();
    message.put("type", type);
    message.set("payload", payload);
    connection.send(SocketJson.write(message));
    return Mono.empty();
  }

  /** What one HelloSales socket remembers; its messages are handled one at a time. */
  private static final class State {
    private volatile @Nullable String token;
    private volatile @Nullable Session session;

    /** The coach's conversation outside a session: one per socket. */
    private final UUID conversation = UUID.randomUUID();

    /** The coach answer running now, if any. */
    private final AtomicReference<@Nullable Answer> pipeline = new AtomicReference<>();

    /** The voice turn being transcribed now, if any. */
    private final AtomicReference<@Nullable Disposable> transcription = new AtomicReference<>();

    /** The socket has closed: what runs for it stops. */
    void stop() {
      Answer running = pipeline.getAndSet(null);
      if (running != null) {
        running.running.dispose();
      }
      Disposable transcribing = transcription.getAndSet(null);
      if (transcribing != null) {
        transcribing.dispose();
      }
    }
  }

  /** One coach answer on its way to the socket. */
  private static final class Answer {
    private final Disposable.Swap running = Disposables.swap();
    private volatile @Nullable String messageId;
    private volatile boolean ended;
  }

  private record Session(UUID id, String service, long startedNanos) {}
}
