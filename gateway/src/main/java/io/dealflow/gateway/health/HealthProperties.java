package io.dealflow.gateway.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code /health} asks the services ({@code dealflow.gateway.health.*}).
 *
 * @param timeout how long each service's health endpoint may take; slower counts as unavailable
 * @param path the health endpoint of every service
 */
@ConfigurationProperties("dealflow.gateway.health")
public record HealthProperties(
    @DefaultValue("2s") Duration timeout, @DefaultValue("/actuator/health") String path) {}
