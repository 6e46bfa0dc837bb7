package io.dealflow.crm.lead;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one scoring criterion added to a lead's score, and why.
 *
 * @param criterion budget, authority, need, timeline or engagement
 * @param points the points it added
 * @param maxPoints the most it can add
 * @param reason what in the lead's data gave these points
 */
public record Criterion(
    String criterion, int points, @JsonProperty("max_points") int maxPoints, String reason) {}
