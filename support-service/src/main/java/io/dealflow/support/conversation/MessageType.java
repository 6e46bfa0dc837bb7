package io.dealflow.support.conversation;

import java.util.Locale;

/** Who wrote a message: the customer, the assistant, a person of the support team, the system. */
public enum MessageType {
  USER,
  BOT,
  SYSTEM,
  AGENT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MessageType of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
