package com.acme.notify;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

@Configuration
class NotificationSocketConfig {

    @Bean
    HandlerMapping notificationMapping(NotificationHandler handler) {
        Map<String, WebSocketHandler> urls = new HashMap<>();
        urls.put("/ws/notifications", handler);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
        // ok: missing-upgrade-auth -- SecurityConfig requires a login for /ws/**
        // expect: missing-origin-check -- the login is a session cookie and WebFlux checks no Origin
        mapping.setUrlMap(urls);
        mapping.setOrder(1);
        return mapping;
    }
}
