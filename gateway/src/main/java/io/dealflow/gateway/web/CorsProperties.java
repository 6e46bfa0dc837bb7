package io.dealflow.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API ({@code dealflow.gateway.cors.*}). Under the {@code dev}
 * profile every origin may; otherwise only those listed, and none when the list is empty.
 *
 * @param allowedOrigins e.g. {@code https://app.dealflow.example}
 * @param allowedMethods the methods a cross-origin request may use
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("dealflow.gateway.cors")
public record CorsProperties(
    @DefaultValue List<String> allowedOrigins,
    @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) List<String> allowedMethods,
    @DefaultValue("1h") Duration maxAge) {}
