package io.dealflow.crm.events;

import java.util.UUID;

/**
 * A sync of an integration failed.
 *
 * @param integrationId the integration
 * @param provider its provider (hubspot, csv)
 * @param reason what went wrong, for a person to read
 * @param recordsSynced how many records were synced before it failed
 */
public record IntegrationFailed(
    UUID integrationId, String provider, String reason, int recordsSynced) {}
