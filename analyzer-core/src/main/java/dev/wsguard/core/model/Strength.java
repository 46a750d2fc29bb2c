package dev.wsguard.core.model;

/** How strong a guard is. Only VERIFIED counts as authentication. */
public enum Strength {
  /** Verifies the credential (signature, session lookup) and rejects on failure. */
  VERIFIED,
  /** Reads the credential without verifying it (jwt.decode and the like). */
  DECODED_ONLY,
  /** Checks, but lets the connection through when the check fails. */
  FAILS_OPEN,
  /** The front end could not tell what the guard checks (an unresolved helper, say). */
  UNKNOWN
}
