package io.dealflow.support.web;

import io.dealflow.platform.error.ApiException;
import io.dealflow.support.range.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The period an analytics request covers: {@code filter[created_at]}, else the last 30 days. */
public final class Periods {

  public static final Duration DEFAULT = Duration.ofDays(30);

  private Periods() {}

  /** The range's ends, the open ones filled: 30 days before the end, or until now. */
  public static Instant[] of(ListQuery query, Clock clock) {
    TimeRange range = query.range("created_at");
    Instant to = range.to() == null ? clock.instant() : range.to();
    Instant from = range.from() == null ? to.minus(DEFAULT) : range.from();
    if (!from.isBefore(to)) {
      throw ApiException.invalid("filter[created_at]", "range", "must start before it ends");
    }
    return new Instant[] {from, to};
  }
}
