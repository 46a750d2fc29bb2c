package com.auth0.jwt.interfaces;

public interface DecodedJWT {
  String getSubject();

  String getIssuer();

  String getKeyId();

  String getAlgorithm();

  String getToken();

  java.util.Date getExpiresAt();

  Claim getClaim(String name);
}
