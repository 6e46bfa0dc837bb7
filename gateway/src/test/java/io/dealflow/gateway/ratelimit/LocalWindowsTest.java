package io.dealflow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.gateway.MovableClock;
import io.dealflow.gateway.ratelimit.FixedWindowLimiter.Limit;
import io.dealflow.gateway.ratelimit.RateLimitDecision.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory windows follow the Redis script's rules. */
class LocalWindowsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final LocalWindows windows = new LocalWindows(clock);

  @Test
  void countsUpToTheLimitThenRefusesUntilTheWindowEnds() {
    List<Limit> limits = List.of(new Limit("auth", "auth:ip:1", 2, Duration.ofMinutes(1)));

    assertThat(windows.check(limits).allowed()).isTrue();
    clock.advance(Duration.ofSeconds(30));
    assertThat(windows.check(limits).allowed()).isTrue();
    RateLimitDecision refused = windows.check(limits);
    clock.advance(Duration.ofSeconds(30));
    RateLimitDecision afresh = windows.check(limits);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.reported().resetEpochMillis())
        .isEqualTo(Instant.parse("2026-12-01T10:01:00Z").toEpochMilli());
    assertThat(afresh.allowed()).isTrue();
    assertThat(afresh.reported().remaining()).isEqualTo(1);
  }

  @Test
  void aRefusalByOneLimitCountsAgainstNone() {
    Limit tight = new Limit("helioscs-uploads", "uploads:user:u", 1, Duration.ofMinutes(1));
    Limit loose = new Limit("helioscs", "helioscs:user:u", 100, Duration.ofMinutes(1));

    windows.check(List.of(tight, loose));
    RateLimitDecision refused = windows.check(List.of(tight, loose));
    RateLimitDecision looseOnly = windows.check(List.of(loose));

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.usages()).extracting(Usage::remaining).containsExactly(0L, 99L);
    assertThat(looseOnly.reported().remaining()).isEqualTo(98);
  }

  @Test
  void endedWindowsAreForgotten() {
    windows.check(List.of(new Limit("a", "a:1", 5, Duration.ofSeconds(1))));
    windows.check(List.of(new Limit("a", "a:2", 5, Duration.ofSeconds(1))));
    clock.advance(Duration.ofSeconds(11));

    windows.check(List.of(new Limit("a", "a:3", 5, Duration.ofSeconds(1))));

    assertThat(windows.size()).isEqualTo(1);
  }
}
