package io.dealflow.playbook.sailwind;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a strategy is in its life: a draft is approved, then archived. Moves go forward only: a
 * draft may be approved or archived, an approved strategy archived; nothing comes back.
 */
public enum StrategyStatus {
  DRAFT,
  APPROVED,
  ARCHIVED;

  public static final String NAMES =
      Arrays.stream(values()).map(StrategyStatus::id).collect(Collectors.joining(", "));

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a strategy in this status may move to {@code next} (staying is always allowed). */
  public boolean canMoveTo(StrategyStatus next) {
    return next.ordinal() >= ordinal();
  }

  public static Optional<StrategyStatus> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
