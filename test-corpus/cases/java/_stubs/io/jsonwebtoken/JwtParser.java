package io.jsonwebtoken;

public interface JwtParser {
  Jws<Claims> parseSignedClaims(CharSequence jws) throws JwtException;

  Jwt<Header, Claims> parseUnsecuredClaims(CharSequence jwt) throws JwtException;

  Jwt<?, ?> parse(CharSequence jwt) throws JwtException;

  @Deprecated
  Jws<Claims> parseClaimsJws(String jws) throws JwtException;

  @Deprecated
  Jwt<Header, Claims> parseClaimsJwt(String jwt) throws JwtException;
}
