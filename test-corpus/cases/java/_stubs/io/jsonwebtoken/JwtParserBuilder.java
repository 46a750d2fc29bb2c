package io.jsonwebtoken;

public interface JwtParserBuilder {
  JwtParserBuilder verifyWith(javax.crypto.SecretKey key);

  JwtParserBuilder verifyWith(java.security.PublicKey key);

  @Deprecated
  JwtParserBuilder setSigningKey(java.security.Key key);

  JwtParserBuilder unsecured();

  JwtParserBuilder requireIssuer(String issuer);

  JwtParser build();
}
