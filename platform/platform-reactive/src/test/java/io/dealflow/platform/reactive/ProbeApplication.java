package io.dealflow.platform.reactive;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A minimal WebFlux service that uses the platform the way real services do. */
@SpringBootApplication
class ProbeApplication {

  record Subscription(
      @NotBlank String url, @JsonProperty("contact_email") @Email String contactEmail) {}

  @RestController
  static class ProbeController {

    @GetMapping("/api/v1/probe/me")
    Map<String, Object> me(Tenant caller, ServerWebExchange exchange) {
      Object traceparent = exchange.getAttribute("traceparent");
      return Map.of(
          "userId", caller.userId().toString(),
          "orgId", String.valueOf(caller.orgId()),
          "traceparent", String.valueOf(traceparent));
    }

    @PostMapping({"/api/v1/probe/subscriptions", "/api/v1/spotlight/subscriptions"})
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Subscription> create(@Valid @RequestBody Subscription subscription) {
      return Mono.just(subscription);
    }

    @GetMapping("/api/v1/probe/subscriptions/{id}")
    Map<String, String> get(@PathVariable UUID id) {
      throw ApiException.notFound("Subscription");
    }

    @GetMapping("/api/v1/probe/public")
    Map<String, String> open() {
      return Map.of("open", "yes");
    }
  }
}
