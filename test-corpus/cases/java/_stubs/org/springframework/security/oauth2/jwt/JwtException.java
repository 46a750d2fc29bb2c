package org.springframework.security.oauth2.jwt;

public class JwtException extends RuntimeException {
  public JwtException(String message) { super(message); }
}
