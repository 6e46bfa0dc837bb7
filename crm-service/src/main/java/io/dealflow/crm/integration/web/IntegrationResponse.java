package io.dealflow.crm.integration.web;

import io.dealflow.crm.integration.Integration;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An integration on the wire. Its access token is never part of it. */
@Schema(name = "Integration")
record IntegrationResponse(
    UUID id,
    UUID workspaceId,
    @Schema(allowableValues = {"hubspot", "csv"}) String provider,
    String name,
    @Schema(description = "connected, or error when the last sync failed") String status,
    @Nullable URI baseUrl,
    @Schema(description = "What a HubSpot sync reads: contacts (as leads) and/or deals")
        List<String> objects,
    String defaultCurrency,
    @Schema(description = "Whether an access token is stored (it is never answered)")
        boolean credentialsStored,
    @Nullable Instant lastSyncedAt,
    @Schema(allowableValues = {"success", "failed"}) @Nullable String lastStatus,
    @Nullable String lastError,
    @Schema(description = "Records the last successful sync created or updated") int recordsSynced,
    UUID connectedBy,
    Instant createdAt,
    Instant updatedAt) {

  static IntegrationResponse of(Integration integration) {
    List<String> objects = new ArrayList<>();
    if (integration.syncContacts()) {
      objects.add("contacts");
    }
    if (integration.syncDeals()) {
      objects.add("deals");
    }
    return new IntegrationResponse(
        integration.id(),
        integration.orgId(),
        integration.provider().id(),
        integration.name(),
        "failed".equals(integration.lastStatus()) ? "error" : "connected",
        integration.baseUrl(),
        objects,
        integration.defaultCurrency(),
        integration.sealedToken() != null,
        integration.lastSyncedAt(),
        integration.lastStatus(),
        integration.lastError(),
        integration.recordsSynced(),
        integration.connectedBy(),
        integration.createdAt(),
        integration.updatedAt());
  }
}
