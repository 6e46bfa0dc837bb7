package io.dealflow.crm.integration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an admin sends to connect an integration. */
@Schema(name = "ConnectIntegrationRequest")
record ConnectIntegrationRequest(
    @NotBlank @Schema(allowableValues = {"hubspot", "csv"}) String provider,
    @Schema(description = "A label; the provider's name if omitted") @Nullable String name,
    @Schema(description = "HubSpot only; https://api.hubapi.com if omitted")
        @Nullable String baseUrl,
    @Schema(
            description =
                "HubSpot only, required: a private app access token. Stored encrypted"
                    + " and never answered.")
        @Nullable String accessToken,
    @Schema(description = "HubSpot only: contacts and/or deals; both if omitted")
        @Nullable List<String> objects,
    @Schema(description = "Currency of synced deals that name none; USD if omitted")
        @Nullable String defaultCurrency) {

  /** Never prints the token. */
  @Override
  public String toString() {
    return "ConnectIntegrationRequest[provider=" + provider + ", baseUrl=" + baseUrl + "]";
  }
}
