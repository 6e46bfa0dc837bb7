package io.dealflow.crm.integration;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a sync creates and updates leads. Leads belong to the Spotlight side of crm-service, which
 * implements this as a bean; a sync never writes the leads table itself.
 *
 * <p>An implementation runs in the caller's transaction (the sync's, so a failed sync leaves no
 * lead behind), finds the lead again by {@code (orgId, source, externalId)} so that a second sync
 * updates it instead of duplicating it, and appends the lead events ({@code lead.created}, ...) to
 * the outbox in that transaction.
 */
public interface LeadImport {

  /**
   * Creates the lead or brings it up to date.
   *
   * @param orgId the workspace (organization)
   * @param source where it comes from: {@code hubspot} or {@code csv}
   * @param externalId its id there
   * @param lead what the source says about it
   * @return what was done
   * @throws IllegalArgumentException when the lead is not acceptable (the message says why, for
   *     people); the sync fails with it
   */
  Outcome upsert(UUID orgId, String source, String externalId, ImportedLead lead);

  /** What an upsert did. */
  enum Outcome {
    CREATED,
    UPDATED,
    /** The lead was there with the same data: nothing was written. */
    UNCHANGED
  }

  /**
   * A lead as another system knows it.
   *
   * @param name the person's name (never blank)
   * @param email their email, if known
   * @param phone their phone number, if known
   * @param company their company, if known
   * @param metadata further facts from the source (e.g. HubSpot's {@code lifecyclestage}), to keep
   *     with the lead
   */
  record ImportedLead(
      String name,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String company,
      Map<String, String> metadata) {

    public ImportedLead {
      metadata = Map.copyOf(metadata);
    }
  }
}
