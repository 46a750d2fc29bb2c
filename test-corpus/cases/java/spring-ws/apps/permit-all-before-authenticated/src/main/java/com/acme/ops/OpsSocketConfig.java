package com.acme.ops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration
@EnableWebSocket
public class OpsSocketConfig implements WebSocketConfigurer {

    @Value("${ops.websocket.allowed-origins}")
    private String[] allowedOrigins;

    private final AdminConsoleHandler adminConsoleHandler;
    private final MetricsHandler metricsHandler;

    public OpsSocketConfig(AdminConsoleHandler adminConsoleHandler, MetricsHandler metricsHandler) {
        this.adminConsoleHandler = adminConsoleHandler;
        this.metricsHandler = metricsHandler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // ok: missing-origin-check
        registry.addHandler(adminConsoleHandler, "/ws/admin/console") // expect: missing-upgrade-auth
                .setAllowedOrigins(allowedOrigins);
        registry.addHandler(metricsHandler, "/metrics/stream") // ok: missing-upgrade-auth
                .setAllowedOrigins(allowedOrigins);
    }
}
