package org.springframework.web.cors.reactive;

public class CorsWebFilter {
  public CorsWebFilter(CorsConfigurationSource configSource) {}
}
