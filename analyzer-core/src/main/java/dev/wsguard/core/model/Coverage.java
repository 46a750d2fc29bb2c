package dev.wsguard.core.model;

/** Whether a guard covers every path to the accept. */
public enum Coverage {
  ALL_PATHS,
  SOME_PATHS,
  UNKNOWN
}
