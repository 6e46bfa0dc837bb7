package io.dealflow.realtime.socket.hellosales;

import io.dealflow.realtime.socket.ServiceAnswer;
import io.dealflow.realtime.socket.SocketJson;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a profile change through identity-service, which owns profiles, with the user's own
 * token: identity-service checks it and changes only that user.
 */
@Component
class IdentityProfiles {

  private static final Logger log = LoggerFactory.getLogger(IdentityProfiles.class);

  private final WebClient identity;
  private final IdentitySettings settings;

  /**
   * @param builder Spring Boot's, so calls are observed and carry the trace
   */
  IdentityProfiles(IdentitySettings settings, WebClient.Builder builder) {
    this.settings = settings;
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.identityTimeout().toMillis())
            .responseTimeout(settings.identityTimeout());
    this.identity =
        builder
            .baseUrl(settings.identityUri().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
  }

  /** Changes names or company: {@code PUT /api/v1/auth/me}, answered with the union user. */
  Mono<ServiceAnswer> update(String token, ObjectNode change) {
    return send(HttpMethod.PUT, "/api/v1/auth/me", token, change);
  }

  /**
   * Changes the HelloSales display name: {@code PATCH /api/v1/profile}, answered with the
   * HelloSales profile.
   */
  Mono<ServiceAnswer> rename(String token, ObjectNode change) {
    return send(HttpMethod.PATCH, "/api/v1/profile", token, change);
  }

  private Mono<ServiceAnswer> send(
      HttpMethod method, String path, String token, ObjectNode change) {
    return ServiceAnswer.of(
        identity
            .method(method)
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .bodyValue(SocketJson.write(change)),
        settings.identityTimeout().plusSeconds(1),
        failure ->
            log.warn("identity-service did not answer a profile change: {}", failure.toString()));
  }
}
