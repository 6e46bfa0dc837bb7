package io.dealflow.crm.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a conversation stands. */
enum ConversationStatus {
  IN_PROGRESS,
  COMPLETED,
  FAILED;

  static final List<String> WIRE_NAMES =
      Arrays.stream(values()).map(ConversationStatus::wire).toList();

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<ConversationStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }
}
