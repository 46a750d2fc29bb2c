package dev.wsguard.core.model;

/** Where a connection's authority comes from. */
public enum CredentialSource {
  COOKIE(true),
  HTTP_SESSION(true),
  HTTP_AUTH(true),
  CLIENT_CERT(true),
  HEADER_TOKEN(false),
  SUBPROTOCOL_TOKEN(false),
  QUERY_TOKEN(false),
  FIRST_MESSAGE_TOKEN(false),
  UNKNOWN(false);

  private final boolean ambient;

  CredentialSource(boolean ambient) {
    this.ambient = ambient;
  }

  /** True when the browser attaches the credential by itself, so a cross-site page can use it. */
  public boolean ambient() {
    return ambient;
  }
}
