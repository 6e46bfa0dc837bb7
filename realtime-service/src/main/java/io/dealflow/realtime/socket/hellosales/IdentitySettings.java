package io.dealflow.realtime.socket.hellosales;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where identity-service answers, for the profile changes HelloSales clients send over {@code /ws}.
 *
 * @param identityUri identity-service's base URI
 * @param identityTimeout how long a profile change may take before the socket answers {@code
 *     SERVICE_UNAVAILABLE}
 */
@ConfigurationProperties("dealflow.realtime")
public record IdentitySettings(
    @DefaultValue("http://localhost:8101") URI identityUri,
    @DefaultValue("5s") Duration identityTimeout) {}
