package io.dealflow.realtime.socket.hellosales;

import io.dealflow.realtime.socket.ServiceAnswer;
import io.dealflow.realtime.socket.SocketJson;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playbook coach as realtime-service relays it: playbook-service owns the conversation and its
 * answers; this client asks with the user's own token and passes the answer's parts on as they
 * come. Cancelling the returned stream closes the request, which stops the answer at its source.
 */
@Component
class PlaybookCoach {

  /** One part of the coach's answer, as playbook-service streams it (server-sent events). */
  record Part(String event, JsonNode data) {}

  private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
      new ParameterizedTypeReference<>() {};

  private static final Logger log = LoggerFactory.getLogger(PlaybookCoach.class);

  private final WebClient playbook;
  private final Duration timeout;

  /**
   * @param builder Spring Boot's, so calls are observed and carry the trace
   */
  PlaybookCoach(PlaybookSettings settings, WebClient.Builder builder) {
    this.timeout = settings.playbookTimeout();
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.playbookTimeout().toMillis())
            .responseTimeout(settings.playbookTimeout());
    this.playbook =
        builder
            .baseUrl(settings.playbookUri().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
  }

  /**
   * Asks the coach. The parts are {@code start} ({@code messageId}), {@code chunk} ({@code
   * content}), then {@code complete} ({@code messageId}, {@code fullContent}) or {@code error}
   * ({@code code}, {@code message}); an HTTP refusal arrives as a {@link
   * WebClientResponseException}.
   */
  Flux<Part> ask(String token, UUID conversationId, String content) {
    ObjectNode question = SocketJson.object();
    question.put("conversationId", conversationId.toString());
    question.put("content", content);
    return playbook
        .post()
        .uri("/api/v1/sailwind/coach/messages")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .bodyValue(SocketJson.write(question))
        .retrieve()
        .bodyToFlux(EVENTS)
        .mapNotNull(PlaybookCoach::part);
  }

  /** Stores a rating of one of the user's coach answers. */
  Mono<ServiceAnswer> feedback(String token, String messageId, ObjectNode rating) {
    return ServiceAnswer.of(
        playbook
            .post()
            .uri("/api/v1/sailwind/coach/messages/{messageId}/feedback", messageId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(SocketJson.write(rating)),
        timeout,
        failure -> log.warn("playbook-service did not answer a feedback: {}", failure.toString()));
  }

  private static @Nullable Part part(ServerSentEvent<String> event) {
    if (event.event() == null || event.data() == null) {
      return null;
    }
    ObjectNode data = SocketJson.readObject(event.data());
    return data == null ? null : new Part(event.event(), data);
  }
}
