package io.dealflow.training.scoring;

/** Who said a line of the call: the rep ({@code user}) or the role-play prospect ({@code ai}). */
public enum Speaker {
  USER("user"),
  AI("ai");

  private final String id;

  Speaker(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Speaker of(String id) {
    return "ai".equals(id) ? AI : USER;
  }
}
