package dev.wsguard.core.model;

/** What a handshake guard checks. */
public enum GuardKind {
  AUTHENTICATION,
  ORIGIN
}
