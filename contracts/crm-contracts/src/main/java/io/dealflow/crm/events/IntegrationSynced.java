package io.dealflow.crm.events;

import java.util.UUID;

/**
 * A sync of an integration finished. The VectorOS event stream payload.
 *
 * @param integrationId the integration
 * @param provider its provider (hubspot, csv)
 * @param status always {@code success}; a failed sync is {@code integration.failed}
 * @param recordsSynced how many records were created or updated
 */
public record IntegrationSynced(
    UUID integrationId, String provider, String status, int recordsSynced) {}
