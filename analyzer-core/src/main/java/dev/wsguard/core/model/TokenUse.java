package dev.wsguard.core.model;

import java.util.Objects;

/**
 * A call that decodes or verifies a token, in any file.
 *
 * @param location the decode or verify call
 * @param library the API called ("jsonwebtoken.decode", "jose.jwtVerify")
 * @param signatureChecked true for a verify call, false for a decode-only one
 * @param resultTrusted the result is used as identity or roles (not only to read a key id, say)
 * @param failureSwallowed a verification failure is caught and execution carries on as if it passed
 * @param swallowedAt the catch that lets a failure through; null unless {@code failureSwallowed}
 * @param endpointDeclaration the endpoint whose handshake path this is on; null when not on one
 */
public record TokenUse(
    SourceLocation location,
    String library,
    boolean signatureChecked,
    boolean resultTrusted,
    boolean failureSwallowed,
    SourceLocation swallowedAt,
    SourceLocation endpointDeclaration) {

  public TokenUse {
    Objects.requireNonNull(location);
    Objects.requireNonNull(library);
  }
}
