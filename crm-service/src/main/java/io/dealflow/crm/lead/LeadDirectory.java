package io.dealflow.crm.lead;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** What other features may ask of leads. */
@Component
public class LeadDirectory {

  private final LeadBook book;

  LeadDirectory(LeadBook book) {
    this.book = book;
  }

  /** Whether the organization has this lead (another organization's answers false). */
  public boolean exists(UUID orgId, UUID leadId) {
    return book.exists(orgId, leadId);
  }

  /**
   * Recomputes the lead's score because its engagement changed (a conversation was created,
   * changed, completed or deleted, or a transcript was added), in the caller's transaction; this
   * may qualify the lead.
   */
  public void engagementChanged(UUID orgId, UUID leadId) {
    book.rescore(orgId, leadId);
  }
}
