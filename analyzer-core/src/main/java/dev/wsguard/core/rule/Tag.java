package dev.wsguard.core.rule;

/** Rule tags; every rule is also tagged {@code security} and with its CWE in SARIF. */
public enum Tag {
  AUTHENTICATION("authentication"),
  AUTHORIZATION("authorization"),
  ORIGIN("origin"),
  CSWSH("cswsh"),
  DATA_EXPOSURE("data-exposure"),
  TOKENS("tokens");

  private final String token;

  Tag(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
