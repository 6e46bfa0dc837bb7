package io.dealflow.gateway.health;

import io.dealflow.gateway.GatewayProperties;
import io.dealflow.gateway.route.Backend;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.JsonNode;

/**
 * Asks every service for its health on its management port, all at once, each with a short timeout,
 * and Redis for a {@code PING}.
 */
final class SuiteHealth {

  static final String HEALTHY = "healthy";
  static final String UNHEALTHY = "unhealthy";
  static final String UNAVAILABLE = "unavailable";

  private final GatewayProperties gateway;
  private final HealthProperties health;
  private final ReactiveRedisConnectionFactory redis;
  private final WebClient client;

  SuiteHealth(
      GatewayProperties gateway, HealthProperties health, ReactiveRedisConnectionFactory redis) {
    this.gateway = gateway;
    this.health = health;
    this.redis = redis;
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, health.timeout().toMillis()))
            .responseTimeout(health.timeout());
    this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
  }

  /** Each service's state by id, in the order of {@link Backend}. */
  Mono<Map<String, String>> services() {
    return Flux.fromIterable(Arrays.asList(Backend.values()))
        .flatMap(backend -> probe(backend).map(state -> Tuples.of(backend, state)))
        .collectMap(Tuple2::getT1, Tuple2::getT2)
        .map(
            states -> {
              Map<String, String> ordered = new LinkedHashMap<>();
              for (Backend backend : Backend.values()) {
                ordered.put(backend.id(), states.getOrDefault(backend, UNAVAILABLE));
              }
              return ordered;
            });
  }

  /** Whether Redis answers a {@code PING} in time. */
  Mono<Boolean> redisReachable() {
    return Mono.usingWhen(
            Mono.fromSupplier(redis::getReactiveConnection),
            connection -> connection.ping().map("PONG"::equalsIgnoreCase),
            connection -> connection.closeLater())
        .timeout(Duration.ofSeconds(1))
        .onErrorReturn(false);
  }

  private Mono<String> probe(Backend backend) {
    String uri = gateway.managementUri(backend).toString().replaceAll("/+$", "") + health.path();
    return client
        .get()
        .uri(uri)
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(JsonNode.class)
                    .map(body -> body.path("status").asString(""))
                    .defaultIfEmpty("")
                    .map(
                        status ->
                            response.statusCode().is2xxSuccessful() && "UP".equals(status)
                                ? HEALTHY
                                : UNHEALTHY)
                    .onErrorReturn(UNHEALTHY))
        .timeout(health.timeout())
        .onErrorReturn(UNAVAILABLE);
  }
}
