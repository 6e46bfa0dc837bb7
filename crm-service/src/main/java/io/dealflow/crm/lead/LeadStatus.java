package io.dealflow.crm.lead;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a lead stands in the pipeline. */
public enum LeadStatus {
  NEW,
  QUALIFIED,
  PROPOSAL,
  CLOSED;

  public static final List<String> WIRE_NAMES =
      Arrays.stream(values()).map(LeadStatus::wire).toList();

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LeadStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }
}
