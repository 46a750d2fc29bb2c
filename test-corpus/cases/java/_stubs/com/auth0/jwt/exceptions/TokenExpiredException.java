package com.auth0.jwt.exceptions;

public class TokenExpiredException extends JWTVerificationException {
  public TokenExpiredException(String message, java.time.Instant expiredOn) {
    super(message);
  }
}
