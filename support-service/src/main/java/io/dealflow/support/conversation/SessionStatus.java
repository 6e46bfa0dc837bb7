package io.dealflow.support.conversation;

import java.util.Locale;

/** Where a chat session is: the assistant answers while active; a person once escalated. */
public enum SessionStatus {
  ACTIVE,
  ENDED,
  ESCALATED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SessionStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
