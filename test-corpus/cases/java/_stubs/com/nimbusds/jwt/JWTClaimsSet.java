package com.nimbusds.jwt;

public final class JWTClaimsSet {
  public String getSubject() {
    throw new UnsupportedOperationException("stub");
  }

  public java.util.Date getExpirationTime() {
    throw new UnsupportedOperationException("stub");
  }

  public String getStringClaim(String name) throws java.text.ParseException {
    throw new UnsupportedOperationException("stub");
  }

  public java.util.List<String> getStringListClaim(String name) throws java.text.ParseException {
    throw new UnsupportedOperationException("stub");
  }
}
