package org.springframework.security.oauth2.jwt;

import java.util.Map;
public class Jwt {
  public String getSubject() { throw new UnsupportedOperationException("stub"); }
  public Map<String, Object> getClaims() { throw new UnsupportedOperationException("stub"); }
  public String getClaimAsString(String claim) { throw new UnsupportedOperationException("stub"); }
}
