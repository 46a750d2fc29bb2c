package org.springframework.web.reactive.handler;

import java.util.Map;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Flattened: the CORS and order setters are AbstractHandlerMapping's. */
public class SimpleUrlHandlerMapping implements HandlerMapping {
  public SimpleUrlHandlerMapping() {}
  public SimpleUrlHandlerMapping(Map<String, ?> urlMap) {}
  public SimpleUrlHandlerMapping(Map<String, ?> urlMap, int order) {}
  public void setUrlMap(Map<String, ?> urlMap) { throw new UnsupportedOperationException("stub"); }
  public void setOrder(int order) { throw new UnsupportedOperationException("stub"); }
  public void setCorsConfigurations(Map<String, CorsConfiguration> corsConfigurations) { throw new UnsupportedOperationException("stub"); }
  public void setCorsConfigurationSource(CorsConfigurationSource corsConfigurationSource) { throw new UnsupportedOperationException("stub"); }
  @Override
  public Mono<Object> getHandler(ServerWebExchange exchange) { throw new UnsupportedOperationException("stub"); }
}
