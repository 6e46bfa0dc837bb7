package io.dealflow.crm.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dealflow.crm.integrations.*}.
 *
 * @param encryptionKey the AES key (Base64 of 32 bytes) that encrypts integration credentials at
 *     rest; required, from the environment ({@code DEALFLOW_CRM_INTEGRATIONS_ENCRYPTION_KEY}). Only
 *     the dev profile has a default.
 * @param allowPrivateTargets whether an integration may call hosts on private, loopback or
 *     link-local addresses; off in production so that a base URL cannot reach internal services
 * @param defaultCurrency the currency of synced deals that name none (ISO 4217)
 * @param hubspot the HubSpot connector
 * @param csv the CSV import
 */
@Validated
@ConfigurationProperties("dealflow.crm.integrations")
public record IntegrationsProperties(
    @Nullable String encryptionKey,
    @DefaultValue("false") boolean allowPrivateTargets,
    @DefaultValue("USD") @Pattern(regexp = "[A-Z]{3}") String defaultCurrency,
    @DefaultValue @Valid HubSpot hubspot,
    @DefaultValue @Valid Csv csv) {

  /**
   * The HubSpot CRM v3 connector.
   *
   * @param baseUrl the API's base URL when a connection names none
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for an answer
   * @param maxAttempts attempts per request when HubSpot answers 429 or 5xx, or cannot be reached
   * @param retryBackoff the pause after a failed attempt without {@code Retry-After}, doubled per
   *     attempt
   * @param maxRetryWait the longest pause a {@code Retry-After} may ask for; a longer one fails the
   *     sync instead of holding it
   * @param pageSize records per page (HubSpot allows at most 100)
   * @param maxRecords records per object type and sync; a larger portal fails with a clear reason
   *     instead of being half-synced
   */
  public record HubSpot(
      @DefaultValue("https://api.hubapi.com") URI baseUrl,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("20s") Duration readTimeout,
      @DefaultValue("4") @Min(1) int maxAttempts,
      @DefaultValue("500ms") Duration retryBackoff,
      @DefaultValue("10s") Duration maxRetryWait,
      @DefaultValue("100") @Min(1) int pageSize,
      @DefaultValue("10000") @Min(1) int maxRecords) {}

  /**
   * The CSV import.
   *
   * @param maxBytes the largest file one sync accepts
   * @param maxRows the most data rows one file may have
   */
  public record Csv(
      @DefaultValue("5242880") @Min(1) long maxBytes, @DefaultValue("10000") @Min(1) int maxRows) {}
}
