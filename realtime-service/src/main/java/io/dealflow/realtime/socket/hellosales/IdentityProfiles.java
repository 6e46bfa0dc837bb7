package io.dealflow.realtime.socket.hellosales;

import io.dealflow.realtime.socket.SocketJson;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a profile change through identity-service, which owns profiles, with the user's own
 * token: identity-service checks it and changes only that user.
 */
@Component
class IdentityProfiles {

  private static final Logger log = LoggerFactory.getLogger(IdentityProfiles.class);

  /** identity-service's answer: its status and body, or unreachable. */
  record Outcome(int status, JsonNode body) {

    static Outcome unreachable() {
      return new Outcome(0, SocketJson.object());
    }

    boolean reachable() {
      return status > 0;
    }
  }

  private final WebClient identity;
  private final IdentitySettings settings;

  IdentityProfiles(IdentitySettings settings) {
    this.settings = settings;
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.identityTimeout().toMillis())
            .responseTimeout(settings.identityTimeout());
    this.identity =
        WebClient.builder()
            .baseUrl(settings.identityUri().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
  }

  Mono<Outcome> update(String token, ObjectNode change) {
    return identity
        .put()
        .uri("/api/v1/auth/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .bodyValue(SocketJson.write(change))
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(String.class)
                    .defaultIfEmpty("{}")
                    .map(
                        body -> {
                          JsonNode parsed = SocketJson.readObject(body);
                          return new Outcome(
                              response.statusCode().value(),
                              parsed == null ? SocketJson.object() : parsed);
                        }))
        .timeout(settings.identityTimeout().plusSeconds(1))
        .onErrorResume(
            failure -> {
              log.warn("identity-service did not answer a profile change: {}", failure.toString());
              return Mono.just(Outcome.unreachable());
            });
  }
}
