package dev.wsguard.core.model;

/** Whether a message handler checks that the connection's user may do what the message asks. */
public enum PermissionCheck {
  PRESENT,
  ABSENT,
  UNKNOWN
}
