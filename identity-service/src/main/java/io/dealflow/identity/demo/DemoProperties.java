package io.dealflow.identity.demo;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo data switch ({@code dealflow.identity.demo.*}). Which organization and users make up the
 * demo is fixed by the realm export ({@link DemoData}).
 *
 * @param enabled whether to seed at start
 * @param attempts how often to try while Keycloak is still starting
 * @param retryDelay how long to wait between attempts
 */
@Validated
@ConfigurationProperties("dealflow.identity.demo")
record DemoProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("10") @Min(1) int attempts,
    @DefaultValue("3s") Duration retryDelay) {}
