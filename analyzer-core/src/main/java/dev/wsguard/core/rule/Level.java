package dev.wsguard.core.rule;

import java.util.Locale;

/** A finding's level, as SARIF names them; NONE only as a {@code --fail-on} threshold. */
public enum Level {
  ERROR,
  WARNING,
  NOTE,
  NONE;

  public String sarif() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this level is at least as severe as {@code threshold}; nothing reaches NONE. */
  public boolean atLeast(Level threshold) {
    return threshold != NONE && this != NONE && ordinal() <= threshold.ordinal();
  }
}
