package io.dealflow.support.analytics;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The support dashboard of a period.
 *
 * @param deflectionRate the share of sessions the assistant answered at least once and that were
 *     never handed to a person
 * @param averageResponseTime the assistant's mean time to answer, in seconds
 * @param customerSatisfaction the mean rating (1-5) of the assistant's answers; null without one
 * @param totalConversations the sessions opened
 * @param escalationRate the share of sessions handed to a person
 * @param topIntents the customers' most frequent intents, most frequent first (at most 10)
 */
public record Dashboard(
    double deflectionRate,
    double averageResponseTime,
    @Nullable Double customerSatisfaction,
    long totalConversations,
    double escalationRate,
    List<IntentCount> topIntents) {

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IntentCount(String intent, long count) {}
}
