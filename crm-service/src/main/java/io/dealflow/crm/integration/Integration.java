package io.dealflow.crm.integration;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's connection to one provider, and how its last sync went.
 *
 * @param id its id
 * @param orgId its workspace (organization)
 * @param provider where its records come from
 * @param name a label for people
 * @param baseUrl the provider's API (HubSpot); null for CSV
 * @param sealedToken the access token, encrypted ({@link io.dealflow.platform.secret.SecretBox});
 *     null for CSV
 * @param syncContacts whether a HubSpot sync brings contacts in as leads
 * @param syncDeals whether a HubSpot sync brings deals in
 * @param defaultCurrency the currency of synced deals that name none
 * @param lastSyncedAt when the last sync ended, if one ran
 * @param lastStatus success or failed, if a sync ran
 * @param lastError why the last sync failed, if it did
 * @param recordsSynced how many records the last successful sync created or updated
 * @param connectedBy the admin who connected it
 * @param createdAt when it was connected
 * @param updatedAt when it last changed
 * @param version incremented by every change
 */
public record Integration(
    UUID id,
    UUID orgId,
    Provider provider,
    String name,
    @Nullable URI baseUrl,
    @Nullable String sealedToken,
    boolean syncContacts,
    boolean syncDeals,
    String defaultCurrency,
    @Nullable Instant lastSyncedAt,
    @Nullable String lastStatus,
    @Nullable String lastError,
    int recordsSynced,
    UUID connectedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
