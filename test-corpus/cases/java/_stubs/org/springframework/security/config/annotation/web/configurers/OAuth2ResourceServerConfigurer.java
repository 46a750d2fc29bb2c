package org.springframework.security.config.annotation.web.configurers;

import org.springframework.security.config.Customizer;
public final class OAuth2ResourceServerConfigurer {
  public OAuth2ResourceServerConfigurer jwt(Customizer<JwtConfigurer> customizer) { throw new UnsupportedOperationException("stub"); }
  public final class JwtConfigurer {}
}
