package io.jsonwebtoken;

public class JwtException extends RuntimeException {
  public JwtException(String message) {
    super(message);
  }
}
