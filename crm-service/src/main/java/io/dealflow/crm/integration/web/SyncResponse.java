package io.dealflow.crm.integration.web;

import io.dealflow.crm.integration.Pulled;
import io.dealflow.crm.integration.SyncReport;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How a sync went. A failed sync answers an error instead (400 for a bad file, 502 otherwise). */
@Schema(name = "SyncResult")
record SyncResponse(
    UUID integrationId,
    String provider,
    @Schema(allowableValues = "success") String status,
    @Schema(description = "Records created or updated") int recordsSynced,
    Counts counts,
    @Schema(description = "Records of the source that were left out, and why")
        List<Skipped> skipped,
    Instant syncedAt) {

  static SyncResponse of(SyncReport report) {
    SyncReport.Counts c = report.counts();
    return new SyncResponse(
        report.integrationId(),
        report.provider().id(),
        "success",
        report.recordsSynced(),
        new Counts(
            new Tally(c.leadsCreated(), c.leadsUpdated(), c.leadsUnchanged()),
            new Tally(c.dealsCreated(), c.dealsUpdated(), c.dealsUnchanged()),
            report.skipped().size()),
        report.skipped().stream().map(Skipped::of).toList(),
        report.syncedAt());
  }

  @Schema(name = "SyncCounts")
  record Counts(Tally leads, Tally deals, int skipped) {}

  @Schema(name = "SyncTally")
  record Tally(int created, int updated, int unchanged) {}

  @Schema(name = "SyncSkipped")
  record Skipped(String record, String reason) {

    static Skipped of(Pulled.Skipped skipped) {
      return new Skipped(skipped.record(), skipped.reason());
    }
  }
}
