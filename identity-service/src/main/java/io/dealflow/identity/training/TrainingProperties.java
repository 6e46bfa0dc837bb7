package io.dealflow.identity.training;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where training-service answers and how long the profile waits for it ({@code
 * dealflow.identity.training.*}). The URI defaults to the suite's {@code
 * dealflow.services.training.uri} (application.yml), then {@code http://localhost:8103}.
 *
 * @param uri training-service's base URL
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for its answer once connected
 */
@Validated
@ConfigurationProperties("dealflow.identity.training")
public record TrainingProperties(
    @DefaultValue("http://localhost:8103") @NotNull URI uri,
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("2s") Duration readTimeout) {}
