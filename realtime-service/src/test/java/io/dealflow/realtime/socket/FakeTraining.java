package io.dealflow.realtime.socket;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * training-service's two voice endpoints as realtime-service sees them (training-service is not
 * part of this module's tests), on a real local server.
 *
 * <p>The call socket {@code /internal/voice/{session_id}} needs {@code Authorization: Bearer ey…}
 * (else 401). Session {@code expired} is refused 401, {@code missing} is refused 404, {@code ended}
 * 409, {@code broken} 503, {@code slow} answers after 10 s, {@code unreachable} drops the
 * connection without an answer. Any other session is accepted: it says {@code
 * {"type":"session_started"}}, then answers every text frame with {@code {"type":"echo","of":<the
 * frame>}}; a frame of type {@code end} is answered with {@code session_ended} and the call is
 * closed with 1000, {@code unconfigured} closes it with 4400, {@code drop} drops the connection
 * without a close frame, and {@code big} is answered with a 1.5 MiB {@code ai_response}. What each
 * session received and the client's close are recorded.
 *
 * <p>{@code POST /api/v1/voice/transcribe} answers 200 {@code {"transcript","confidence",
 * "duration"}} naming the audio's length, 401 without a bearer token, 503 for a sample rate of
 * 11025 and 422 {@code INVALID_AUDIO_FORMAT} for 22050, in the Trainer's error shape.
 */
final class FakeTraining {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static DisposableServer server;

  /** The text frames each session received, in order. */
  static final Map<String, List<String>> received = new ConcurrentHashMap<>();

  /** The close status each session's socket ended with, as its client (realtime) sent it. */
  static final Map<String, WebSocketCloseStatus> closes = new ConcurrentHashMap<>();

  /** The subject ({@code sub}) of the bearer token each session's call was opened with. */
  static final Map<String, String> callers = new ConcurrentHashMap<>();

  private FakeTraining() {}

  static synchronized String start() {
    if (server == null) {
      server =
          HttpServer.create()
              .host("127.0.0.1")
              .port(0)
              .route(
                  routes ->
                      routes
                          .get("/internal/voice/{sessionId}", FakeTraining::call)
                          .post("/api/v1/voice/transcribe", FakeTraining::transcribe))
              .bindNow();
    }
    return "http://127.0.0.1:" + server.port();
  }

  private static Publisher<Void> call(HttpServerRequest request, HttpServerResponse response) {
    String session = String.valueOf(request.param("sessionId"));
    String authorization = request.requestHeaders().get("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ey")) {
      return response.status(HttpResponseStatus.UNAUTHORIZED).send();
    }
    return switch (session) {
      case "expired" -> response.status(HttpResponseStatus.UNAUTHORIZED).send();
      case "missing" -> response.status(HttpResponseStatus.NOT_FOUND).send();
      case "ended" -> response.status(HttpResponseStatus.CONFLICT).send();
      case "broken" -> response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
      case "slow" ->
          Mono.delay(Duration.ofSeconds(10))
              .then(response.status(HttpResponseStatus.NOT_FOUND).send().then());
      case "unreachable" -> response.withConnection(connection -> connection.channel().close());
      default -> {
        callers.put(session, subject(authorization.substring("Bearer ".length())));
        List<String> frames =
            received.computeIfAbsent(session, key -> new CopyOnWriteArrayList<>());
        yield response.sendWebsocket(
            (in, out) -> {
              in.receiveCloseStatus().subscribe(status -> closes.put(session, status));
              return write(out, "{\"type\":\"session_started\"}")
                  .thenMany(
                      in.aggregateFrames(4 * 1024 * 1024)
                          .receive()
                          .asString(StandardCharsets.UTF_8)
                          .concatMap(
                              text -> {
                                frames.add(text);
                                return answer(text, out);
                              }))
                  .then();
            },
            WebsocketServerSpec.builder().maxFramePayloadLength(4 * 1024 * 1024).build());
      }
    };
  }

  private static Mono<Void> answer(String text, WebsocketOutbound out) {
    String type = JSON.readTree(text).path("type").asString();
    return switch (type) {
      case "end" ->
          write(out, "{\"type\":\"session_ended\"}").then(out.sendClose(1000, "session ended"));
      case "unconfigured" -> out.sendClose(4400, "audio not configured");
      case "drop" ->
          Mono.fromRunnable(() -> out.withConnection(connection -> connection.channel().close()));
      case "big" -> {
        ObjectNode reply = JSON.createObjectNode().put("type", "ai_response");
        reply.putObject("data").put("audio", "A".repeat(1536 * 1024));
        yield write(out, JSON.writeValueAsString(reply));
      }
      default -> {
        ObjectNode echo = JSON.createObjectNode().put("type", "echo");
        echo.put("of", text);
        yield write(out, JSON.writeValueAsString(echo));
      }
    };
  }

  private static Mono<Void> write(WebsocketOutbound out, String text) {
    return out.sendString(Mono.just(text)).then();
  }

  private static String subject(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("sub").asString();
  }

  private static Publisher<Void> transcribe(
      HttpServerRequest request, HttpServerResponse response) {
    String authorization = request.requestHeaders().get("Authorization");
    return request
        .receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .flatMap(
            raw -> {
              JsonNode body = JSON.readTree(raw);
              if (authorization == null || !authorization.startsWith("Bearer ey")) {
                return reply(response, 401, error("Authentication required", "AUTH_REQUIRED"));
              }
              int rate = body.path("sample_rate").asInt();
              if (rate == 11025) {
                return reply(
                    response, 503, error("No speech engine can run", "VOICE_SERVICE_UNAVAILABLE"));
              }
              if (rate == 22050) {
                return reply(
                    response, 422, error("The audio is not valid wav", "INVALID_AUDIO_FORMAT"));
              }
              ObjectNode answer = JSON.createObjectNode();
              answer.put(
                  "transcript",
                  "heard "
                      + body.path("audio").asString().length()
                      + " characters of "
                      + body.path("format").asString()
                      + " at "
                      + rate);
              answer.put("confidence", 0.93);
              answer.put("duration", 2.4);
              return reply(response, 200, answer);
            })
        .then();
  }

  private static ObjectNode error(String detail, String code) {
    return JSON.createObjectNode()
        .put("detail", detail)
        .put("error_code", code)
        .put("timestamp", "2026-12-07T12:00:00Z");
  }

  private static Mono<Void> reply(HttpServerResponse response, int status, ObjectNode body) {
    return response
        .status(status)
        .header("Content-Type", "application/json")
        .send(Mono.just(Unpooled.wrappedBuffer(JSON.writeValueAsBytes(body))))
        .then();
  }
}
