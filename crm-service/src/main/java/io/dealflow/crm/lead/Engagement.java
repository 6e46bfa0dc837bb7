package io.dealflow.crm.lead;

import org.jspecify.annotations.Nullable;

/**
 * How a lead has engaged, from its conversations.
 *
 * @param conversations how many conversations it had
 * @param completed how many of them were completed
 * @param averageScore the average score (0–10) of those with a score, null when none has one
 * @param positive how many had a positive sentiment
 * @param withSentiment how many had a sentiment at all
 */
public record Engagement(
    int conversations,
    int completed,
    @Nullable Double averageScore,
    int positive,
    int withSentiment) {

  public static final Engagement NONE = new Engagement(0, 0, null, 0, 0);
}
