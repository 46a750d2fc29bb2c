package com.acme.webflux.echo;

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
class EchoRoutes {
    // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
    @Value("${app.websocket.allowed-origins:}")
    private String[] allowedOrigins;

    @Bean
    HandlerMapping echoMapping() {
        Map<String, WebSocketHandler> map = new HashMap<>();
        map.put("/echo", session -> {
            return session.send(session.receive().map(m -> session.textMessage("echo: " + m.getPayloadAsText())));
        });
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
        // expect-no-fix: missing-upgrade-auth -- the handler is put into a map the patch would have to follow
        // expect: missing-upgrade-auth
        // expect: missing-origin-check
        mapping.setUrlMap(map);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(allowedOrigins));
        mapping.setCorsConfigurations(Map.of("/echo", cors));
        mapping.setOrder(-1);
        return mapping;
    }
}
