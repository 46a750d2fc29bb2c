package com.nimbusds.jwt;

public class SignedJWT {
  public static SignedJWT parse(String s) throws java.text.ParseException {
    throw new UnsupportedOperationException("stub");
  }

  public boolean verify(com.nimbusds.jose.JWSVerifier verifier) throws com.nimbusds.jose.JOSEException {
    throw new UnsupportedOperationException("stub");
  }

  public JWTClaimsSet getJWTClaimsSet() throws java.text.ParseException {
    throw new UnsupportedOperationException("stub");
  }
}
