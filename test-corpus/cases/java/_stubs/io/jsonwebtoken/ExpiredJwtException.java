package io.jsonwebtoken;

public class ExpiredJwtException extends JwtException {
  public ExpiredJwtException(String message) {
    super(message);
  }
}
