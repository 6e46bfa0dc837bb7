package io.dealflow.crm.events;

import java.util.List;
import java.util.UUID;

/**
 * A lead became qualified: its score crossed the qualification threshold, or its status was set to
 * {@code qualified}. The Spotlight webhook payload.
 *
 * @param leadId the lead
 * @param score its lead score, 0–100, when it qualified
 * @param qualificationCriteria the criteria that contributed to the score (budget, authority, need,
 *     timeline, engagement)
 */
public record LeadQualified(UUID leadId, int score, List<String> qualificationCriteria) {

  public LeadQualified {
    qualificationCriteria = List.copyOf(qualificationCriteria);
  }
}
