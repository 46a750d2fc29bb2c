package com.auth0.jwt.exceptions;

public class JWTDecodeException extends JWTVerificationException {
  public JWTDecodeException(String message) {
    super(message);
  }
}
