package io.dealflow.realtime.socket.chat;

import io.dealflow.realtime.socket.ServiceAnswer;
import io.dealflow.realtime.socket.SocketJson;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Support chat sessions as support-service owns them, asked with the user's own token: whether the
 * user may use a session, and the messages sent into it. support-service stores each message and
 * publishes it as {@code support.message.created}; its HTTP answers are never shown on the sockets.
 */
@Component
class SupportSessions {

  private static final Logger log = LoggerFactory.getLogger(SupportSessions.class);

  private final WebClient support;
  private final SupportSettings settings;

  /**
   * @param builder Spring Boot's, so calls are observed and carry the trace
   */
  SupportSessions(SupportSettings settings, WebClient.Builder builder) {
    this.settings = settings;
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.supportTimeout().toMillis());
    this.support =
        builder
            .baseUrl(settings.supportUri().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
  }

  /**
   * The session, as the user may see it: {@code GET /api/v1/support/sessions/{session_id}},
   * answered 200 with the HeliosCS session ({@code status} among its fields), or 404 / 403.
   */
  Mono<ServiceAnswer> session(String token, UUID sessionId) {
    return ServiceAnswer.of(
        support
            .get()
            .uri("/api/v1/support/sessions/{sessionId}", sessionId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .accept(MediaType.APPLICATION_JSON),
        settings.supportTimeout(),
        failure ->
            log.warn(
                "support-service did not answer a chat session check: {}", failure.toString()));
  }

  /** An agent's message: {@code POST /api/v1/support/messages/send}, of type {@code agent}. */
  Mono<ServiceAnswer> send(String token, UUID sessionId, String content) {
    ObjectNode message = SocketJson.object();
    message.put("session_id", sessionId.toString());
    message.put("content", content);
    message.put("message_type", "agent");
    return post("/api/v1/support/messages/send", token, message, settings.supportTimeout());
  }

  /**
   * A customer's message: {@code POST /api/v1/support/chat/process}, which stores it and answers it
   * (or stays quiet while a person has taken the session over).
   */
  Mono<ServiceAnswer> process(String token, UUID sessionId, String content) {
    ObjectNode message = SocketJson.object();
    message.put("session_id", sessionId.toString());
    message.put("message", content);
    return post("/api/v1/support/chat/process", token, message, settings.supportAnswerTimeout());
  }

  private Mono<ServiceAnswer> post(String path, String token, ObjectNode body, Duration timeout) {
    return ServiceAnswer.of(
        support
            .post()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .bodyValue(SocketJson.write(body)),
        timeout,
        failure ->
            log.warn(
                "support-service did not answer a chat message ({}): {}",
                path,
                failure.toString()));
  }
}
