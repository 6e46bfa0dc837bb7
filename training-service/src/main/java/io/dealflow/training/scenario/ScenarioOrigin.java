package io.dealflow.training.scenario;

/** Where a scenario comes from. */
public enum ScenarioOrigin {
  /** The library every organization sees; it cannot be changed. */
  BUILT_IN,
  /** Written by one of the organization's admins. */
  CUSTOM,
  /** Generated from the objections in the organization's own recorded calls. */
  FROM_CALLS;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
