package io.jsonwebtoken.security;

public final class Keys {
  public static javax.crypto.SecretKey hmacShaKeyFor(byte[] bytes) {
    throw new UnsupportedOperationException("stub");
  }
}
