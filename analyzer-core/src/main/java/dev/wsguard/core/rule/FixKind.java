package dev.wsguard.core.rule;

/** Whether a rule offers patches. Every wsguard patch is a suggestion: it changes runtime behaviour. */
public enum FixKind {
  NONE,
  SUGGESTED
}
