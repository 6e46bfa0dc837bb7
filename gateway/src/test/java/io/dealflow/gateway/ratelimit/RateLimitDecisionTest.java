package io.dealflow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.gateway.ratelimit.RateLimitDecision.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

  @Test
  void anAdmittedRequestReportsTheLimitWithFewestRequestsLeft() {
    RateLimitDecision decision =
        new RateLimitDecision(
            true,
            List.of(
                new Usage("api", 120, 100, 1_000_000),
                new Usage("chat", 50, 3, 1_000_000),
                new Usage("plan:starter", 1000, 900, 4_000_000)));

    assertThat(decision.reported().policy()).isEqualTo("chat");
  }

  @Test
  void aRefusedRequestReportsTheExhaustedLimitThatFreesUpLast() {
    RateLimitDecision decision =
        new RateLimitDecision(
            false,
            List.of(
                new Usage("auth", 5, 0, 1_060_000),
                new Usage("plan:starter", 1000, 0, 4_599_001),
                new Usage("api", 120, 10, 1_060_000)));

    assertThat(decision.reported().policy()).isEqualTo("plan:starter");
    assertThat(decision.reported().resetEpochSeconds()).isEqualTo(4_600);
    assertThat(decision.retryAfterSeconds(1_000_000)).isEqualTo(3_600);
  }

  @Test
  void retryAfterIsNeverZero() {
    RateLimitDecision decision =
        new RateLimitDecision(false, List.of(new Usage("auth", 5, 0, 1_000_000)));

    assertThat(decision.retryAfterSeconds(1_000_000)).isEqualTo(1);
  }
}
