package io.dealflow.crm.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a successful sync went.
 *
 * @param integrationId the integration
 * @param provider its provider
 * @param recordsSynced records created or updated (leads and deals)
 * @param counts what was done, by kind of record
 * @param skipped records of the source that were left out, and why
 * @param syncedAt when it ended
 */
public record SyncReport(
    UUID integrationId,
    Provider provider,
    int recordsSynced,
    Counts counts,
    List<Pulled.Skipped> skipped,
    Instant syncedAt) {

  public SyncReport {
    skipped = List.copyOf(skipped);
  }

  /** What a sync did, by kind of record. */
  public record Counts(
      int leadsCreated,
      int leadsUpdated,
      int leadsUnchanged,
      int dealsCreated,
      int dealsUpdated,
      int dealsUnchanged) {

    public int written() {
      return leadsCreated + leadsUpdated + dealsCreated + dealsUpdated;
    }
  }
}
