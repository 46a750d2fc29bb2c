package dev.wsguard.core.model;

import java.util.Objects;

/**
 * A function or method of the scanned project that verifies a credential: what a suggested patch calls, so that the
 * patch uses the project's own check rather than a placeholder that rejects everyone.
 *
 * @param name the name code calls it by: a JavaScript module's exported binding ({@code default} for a default
 *     export), a Java method's simple name
 * @param container the Java class that declares it, fully qualified; null for a JavaScript module-level function
 * @param location its declaration
 * @param input what it is given
 * @param failure how it says no
 * @param async true when it returns a promise (JavaScript) that must be awaited
 * @param instance true for a Java instance method (a bean to inject), false for a static one or a JS function
 */
public record Verifier(
    String name,
    String container,
    SourceLocation location,
    Input input,
    Failure failure,
    boolean async,
    boolean instance) {

  public Verifier {
    Objects.requireNonNull(name);
    Objects.requireNonNull(location);
    Objects.requireNonNull(input);
    Objects.requireNonNull(failure);
  }

  /** What the verifier takes. */
  public enum Input {
    /** The raw token string (a JWT, a session id). */
    TOKEN,
    /** The HTTP upgrade request (Node {@code IncomingMessage}, a servlet or Spring request). */
    REQUEST
  }

  /** How the verifier rejects. */
  public enum Failure {
    /** Throws (or, when async, rejects); returns the user otherwise. */
    THROWS,
    /** Returns null, undefined or false; the user otherwise. */
    RETURNS_FALSY
  }
}
