package com.auth0.jwt.exceptions;

public class JWTVerificationException extends RuntimeException {
  public JWTVerificationException(String message) {
    super(message);
  }
}
