package com.acme.tracker;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration
@EnableWebSocket
public class TrackerSocketConfig implements WebSocketConfigurer {

    private final LocationHandler locationHandler;
    private final ApiKeyInterceptor apiKeyInterceptor;

    public TrackerSocketConfig(LocationHandler locationHandler, ApiKeyInterceptor apiKeyInterceptor) {
        this.locationHandler = locationHandler;
        this.apiKeyInterceptor = apiKeyInterceptor;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // no allowed origins set: Spring's registry accepts same-origin handshakes only
        // ok: missing-origin-check
        // expect-no-fix: missing-upgrade-auth -- ApiKeyInterceptor already reads the token: the catch that carries on is what to repair, not a second interceptor
        registry.addHandler(locationHandler, "/tracker") // expect: missing-upgrade-auth
                .addInterceptors(apiKeyInterceptor);
    }
}
