package io.dealflow.crm.integration;

import io.dealflow.crm.deal.DealDraft;
import io.dealflow.crm.integration.LeadImport.ImportedLead;
import java.util.List;

/**
 * What a connector read, ready to be written.
 *
 * @param leads the leads, each with its id in the source
 * @param deals the deals, each with its id in the source
 * @param skipped records of the source that cannot be brought in, and why
 * @param strict whether a record the sync cannot write fails the whole sync (a file the user can
 *     fix and send again) instead of being skipped (another system's data)
 */
public record Pulled(List<Lead> leads, List<Deal> deals, List<Skipped> skipped, boolean strict) {

  public Pulled {
    leads = List.copyOf(leads);
    deals = List.copyOf(deals);
    skipped = List.copyOf(skipped);
  }

  /**
   * A lead.
   *
   * @param externalId its id in the source
   * @param line the line of the file it starts on; 0 when it does not come from a file
   * @param lead what the source says about it
   */
  public record Lead(String externalId, int line, ImportedLead lead) {}

  /**
   * A deal.
   *
   * @param externalId its id in the source
   * @param line the line of the file it starts on; 0 when it does not come from a file
   * @param draft what the source says about it; it has no violations
   */
  public record Deal(String externalId, int line, DealDraft draft) {}

  /**
   * A record left out.
   *
   * @param record which one, e.g. {@code deal 1234}
   * @param reason why, for people
   */
  public record Skipped(String record, String reason) {}
}
