package org.springframework.web.cors;

import java.util.List;

public class CorsConfiguration {
  public static final String ALL = "*";
  public CorsConfiguration() {}
  public void setAllowedOrigins(List<String> origins) { throw new UnsupportedOperationException("stub"); }
  public void addAllowedOrigin(String origin) { throw new UnsupportedOperationException("stub"); }
  public CorsConfiguration setAllowedOriginPatterns(List<String> patterns) { throw new UnsupportedOperationException("stub"); }
  public void addAllowedOriginPattern(String pattern) { throw new UnsupportedOperationException("stub"); }
  public void setAllowedMethods(List<String> methods) { throw new UnsupportedOperationException("stub"); }
  public void addAllowedHeader(String header) { throw new UnsupportedOperationException("stub"); }
  public void setAllowCredentials(Boolean allowCredentials) { throw new UnsupportedOperationException("stub"); }
  public CorsConfiguration applyPermitDefaultValues() { throw new UnsupportedOperationException("stub"); }
}
