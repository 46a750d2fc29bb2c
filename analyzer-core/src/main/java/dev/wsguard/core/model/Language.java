package dev.wsguard.core.model;

/** Source languages the front ends read. */
public enum Language {
  JAVASCRIPT("javascript"),
  TYPESCRIPT("typescript"),
  JAVA("java");

  private final String token;

  Language(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
