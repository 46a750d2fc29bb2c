package dev.wsguard.core.model;

/** Who receives a send. */
public enum Audience {
  THIS_CONNECTION,
  ONE_USER,
  ROOM,
  ALL_CONNECTIONS,
  ALL_BUT_SENDER,
  UNKNOWN;

  public boolean everyone() {
    return this == ALL_CONNECTIONS || this == ALL_BUT_SENDER;
  }
}
