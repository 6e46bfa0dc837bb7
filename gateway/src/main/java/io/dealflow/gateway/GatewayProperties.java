package io.dealflow.gateway;

import io.dealflow.gateway.route.Backend;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are and how patiently the gateway waits for them ({@code dealflow.gateway.*}).
 *
 * @param version the API version the gateway reports in {@code /api/v1} and {@code /health}
 * @param services per service id ({@code identity}, {@code crm}, ...): its base URI, the URI of its
 *     management port and its timeout; services left out keep their default local addresses
 * @param timeout how long a service may take to answer, unless its own setting says otherwise;
 *     WebSocket sessions never time out here
 * @param connectTimeout how long to wait for a TCP connection to a service
 * @param trustedProxies addresses or CIDR ranges of proxies in front of the gateway (ingress, load
 *     balancer) whose {@code X-Forwarded-For} is believed; empty means the TCP peer is the client
 * @param circuitBreaker when a failing service is given a rest
 */
@ConfigurationProperties("dealflow.gateway")
public record GatewayProperties(
    @DefaultValue("0.1.0") String version,
    @DefaultValue Map<String, ServiceSettings> services,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue CircuitBreakerSettings circuitBreaker) {

  public GatewayProperties {
    for (String id : services.keySet()) {
      if (Backend.fromId(id).isEmpty()) {
        throw new IllegalArgumentException(
            "dealflow.gateway.services."
                + id
                + " names no service; known: "
                + List.of(Backend.values()).stream().map(Backend::id).toList());
      }
    }
    services = Map.copyOf(services);
    trustedProxies = List.copyOf(trustedProxies);
  }

  public URI uri(Backend backend) {
    ServiceSettings settings = settings(backend);
    return settings != null && settings.uri() != null ? settings.uri() : backend.defaultUri();
  }

  /** Where the service's actuator (its health) answers; the gateway never routes there. */
  public URI managementUri(Backend backend) {
    ServiceSettings settings = settings(backend);
    return settings != null && settings.managementUri() != null
        ? settings.managementUri()
        : backend.defaultManagementUri();
  }

  public Duration timeout(Backend backend) {
    ServiceSettings settings = settings(backend);
    return settings != null && settings.timeout() != null ? settings.timeout() : timeout;
  }

  private @Nullable ServiceSettings settings(Backend backend) {
    for (Map.Entry<String, ServiceSettings> entry : services.entrySet()) {
      if (Backend.fromId(entry.getKey()).orElse(null) == backend) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * @param uri the service's base URI, e.g. {@code http://identity-service:8101}
   * @param managementUri the base URI of the service's management port, e.g. {@code
   *     http://identity-service:9101}
   * @param timeout how long this service may take to answer
   */
  public record ServiceSettings(
      @Nullable URI uri, @Nullable URI managementUri, @Nullable Duration timeout) {}

  /**
   * A Resilience4j circuit breaker per service: once {@code failureRateThreshold} percent of the
   * last {@code slidingWindowSize} calls failed (at least {@code minimumCalls}), calls are refused
   * at once for {@code waitInOpenState}, then a few probe the service again.
   */
  public record CircuitBreakerSettings(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("20") int slidingWindowSize,
      @DefaultValue("10") int minimumCalls,
      @DefaultValue("10s") Duration waitInOpenState) {}
}
