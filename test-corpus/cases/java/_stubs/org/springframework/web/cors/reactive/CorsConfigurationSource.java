package org.springframework.web.cors.reactive;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.server.ServerWebExchange;

public interface CorsConfigurationSource {
  CorsConfiguration getCorsConfiguration(ServerWebExchange exchange);
}
