package dev.wsguard.core.rule;

/** How sure one finding is: HIGH on evidence, MEDIUM when it rests on something wsguard could not decide. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW
}
