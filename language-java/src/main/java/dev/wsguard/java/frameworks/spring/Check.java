package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.SourceLocation;
import java.util.Objects;

/**
 * One thing a rejecting condition (or a method body) depends on, as its file shows it. Framework-neutral: the
 * Spring, Quarkus and Micronaut readers share it.
 *
 * @param kind what the call is
 * @param owner for {@link Kind#CALL}, the fully qualified type whose method is called; for {@link Kind#VERIFY} and
 *     {@link Kind#DECODE}, the library ("jjwt", "spring-security-oauth2-jose"); else null
 * @param method for {@link Kind#CALL}, the method's name; else the API called, for messages
 * @param at the call
 * @param maybeLibrary for {@link Kind#CALL}, the owner is a same-package guess in a file that also imports a library
 *     package with a wildcard: when no project type of that name exists, the call is the library's, not a helper
 * @param rejectsOnNull for {@link Kind#CALL}, the gate turns the connection away when the call's result is null
 *     ({@code if (user == null) { return false; }}): a helper that always answers null then lets nobody through
 */
public record Check(Kind kind, String owner, String method, SourceLocation at, boolean maybeLibrary,
    boolean rejectsOnNull) {

  public Check(Kind kind, String owner, String method, SourceLocation at) {
    this(kind, owner, method, at, false, false);
  }

  public Check(Kind kind, String owner, String method, SourceLocation at, boolean maybeLibrary) {
    this(kind, owner, method, at, maybeLibrary, false);
  }


  public enum Kind {
    /** A library call that verifies a token's signature or a password (jjwt parseSignedClaims, JwtDecoder). */
    VERIFY,
    /** A library call that reads a token without checking its signature (JWT.decode, Base64 of a token part). */
    DECODE,
    /** A lookup of the authenticated principal or HTTP session the container or Spring Security established. */
    SESSION,
    /** Only a null, empty or blank test of a credential. */
    PRESENCE,
    /** A method of a project type, resolved at link time through its {@link MethodSummary}. */
    CALL,
    /** A call wsguard cannot resolve (a type outside the project, or a lambda it cannot follow). */
    UNRESOLVED
  }

  public Check {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(method);
    Objects.requireNonNull(at);
  }

  public String describe() {
    if (kind == Kind.VERIFY || kind == Kind.DECODE) {
      return owner + " " + method;
    }
    return owner == null ? method : owner.substring(owner.lastIndexOf('.') + 1) + "." + method;
  }

  /** True for a token library call: the decode and verify calls that become token uses. */
  public boolean tokenCall() {
    return kind == Kind.VERIFY || kind == Kind.DECODE;
  }
}
