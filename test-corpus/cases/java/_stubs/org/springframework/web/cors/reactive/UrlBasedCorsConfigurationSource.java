package org.springframework.web.cors.reactive;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.server.ServerWebExchange;

public class UrlBasedCorsConfigurationSource implements CorsConfigurationSource {
  public UrlBasedCorsConfigurationSource() {}
  public void registerCorsConfiguration(String pattern, CorsConfiguration config) { throw new UnsupportedOperationException("stub"); }
  @Override
  public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) { throw new UnsupportedOperationException("stub"); }
}
