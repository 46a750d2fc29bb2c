package dev.wsguard.core.model;

/** Where the data in a send comes from. */
public enum Provenance {
  /** The incoming message, relayed. */
  ECHO,
  /** Constants, public feeds, data meant for everyone. */
  PUBLIC,
  /** One user's records or state. */
  PER_USER,
  /** Credentials, sessions, database query results, user lists. */
  SENSITIVE,
  UNKNOWN
}
