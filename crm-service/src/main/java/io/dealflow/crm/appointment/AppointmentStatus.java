package io.dealflow.crm.appointment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where an appointment stands. */
enum AppointmentStatus {
  SCHEDULED,
  COMPLETED,
  CANCELLED;

  static final List<String> WIRE_NAMES =
      Arrays.stream(values()).map(AppointmentStatus::wire).toList();

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<AppointmentStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }
}
