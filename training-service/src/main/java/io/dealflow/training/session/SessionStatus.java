package io.dealflow.training.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** created → active ⇄ paused → completed; anything not yet completed can be cancelled. */
public enum SessionStatus {
  CREATED,
  ACTIVE,
  PAUSED,
  COMPLETED,
  CANCELLED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean open() {
    return this == CREATED || this == ACTIVE || this == PAUSED;
  }

  public static Optional<SessionStatus> fromId(String id) {
    return Arrays.stream(values()).filter(status -> status.id().equals(id)).findFirst();
  }
}
