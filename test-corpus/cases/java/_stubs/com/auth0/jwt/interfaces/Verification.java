package com.auth0.jwt.interfaces;

public interface Verification {
  Verification withIssuer(String... issuer);

  Verification withAudience(String... audience);

  Verification acceptLeeway(long leeway);

  com.auth0.jwt.JWTVerifier build();
}
