package dev.wsguard.core.rule;

/** A rule's overall precision, as GitHub code scanning reads {@code properties.precision}. */
public enum Precision {
  VERY_HIGH("very-high"),
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String token;

  Precision(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
