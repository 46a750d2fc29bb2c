package com.auth0.jwt.algorithms;

public abstract class Algorithm {
  public static Algorithm HMAC256(String secret) {
    throw new UnsupportedOperationException("stub");
  }
}
