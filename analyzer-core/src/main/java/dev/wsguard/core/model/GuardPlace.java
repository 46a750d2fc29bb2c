package dev.wsguard.core.model;

/** Where an authentication guard runs, strongest first (DESIGN: missing-upgrade-auth). */
public enum GuardPlace {
  /** Before the upgrade is accepted: upgrade handler, verifyClient, io.use, HandshakeInterceptor, security rules. */
  HANDSHAKE("at the handshake"),
  /** In the connection handler, closing the socket before anything is sent. */
  CONNECTION("in the connection handler, closing before any send"),
  /** An auth message that must come first and gates every other handler. */
  FIRST_MESSAGE("as a first message that gates every other handler");

  private final String description;

  GuardPlace(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
