package io.dealflow.realtime.socket.hellosales;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where playbook-service answers, for the coach turns HelloSales clients send over {@code /ws}.
 *
 * @param playbookUri playbook-service's base URI
 * @param playbookTimeout how long the coach may be silent (to connect, or between two parts of an
 *     answer) before the socket answers {@code SERVICE_UNAVAILABLE}
 */
@ConfigurationProperties("dealflow.realtime")
public record PlaybookSettings(
    @DefaultValue("http://localhost:8102") URI playbookUri,
    @DefaultValue("60s") Duration playbookTimeout) {}
