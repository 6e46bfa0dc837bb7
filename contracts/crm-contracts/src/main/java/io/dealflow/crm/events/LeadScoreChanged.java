package io.dealflow.crm.events;

import java.util.List;
import java.util.UUID;

/**
 * A lead's score changed: its data or its conversations moved the computed score, or a client gave
 * or withdrew a score of its own. Not written when a lead is created ({@code lead.created} carries
 * its first score), nor when a change leaves the score where it was.
 *
 * @param leadId the lead
 * @param previousScore the score before, 0–100
 * @param score the score now, 0–100
 * @param factors each scoring criterion's points now, and why (the lead's {@code score_breakdown});
 *     a score a client gave is not their sum
 */
public record LeadScoreChanged(UUID leadId, int previousScore, int score, List<Factor> factors) {

  public LeadScoreChanged {
    factors = List.copyOf(factors);
  }

  /**
   * What one criterion adds to the score.
   *
   * @param criterion budget, authority, need, timeline or engagement
   * @param points the points it adds
   * @param maxPoints the most it can add
   * @param reason what in the lead's data gave these points
   */
  public record Factor(String criterion, int points, int maxPoints, String reason) {}
}
