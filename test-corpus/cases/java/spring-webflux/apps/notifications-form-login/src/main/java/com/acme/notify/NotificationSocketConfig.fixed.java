package com.acme.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

@Configuration
class NotificationSocketConfig {

    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    @Bean
    HandlerMapping notificationMapping(NotificationHandler handler) {
        Map<String, WebSocketHandler> urls = new HashMap<>();
        urls.put("/ws/notifications", handler);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
        // ok: missing-upgrade-auth -- SecurityConfig requires a login for /ws/**
        // expect: missing-origin-check -- the login is a session cookie and WebFlux checks no Origin
        mapping.setUrlMap(urls);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/ws/notifications", cors));
        mapping.setOrder(1);
        return mapping;
    }
}
