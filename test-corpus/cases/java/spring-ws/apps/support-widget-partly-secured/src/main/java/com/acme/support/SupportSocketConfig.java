package com.acme.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration
@EnableWebSocket
public class SupportSocketConfig implements WebSocketConfigurer {

    private final SupportChatHandler supportChatHandler;

    public SupportSocketConfig(SupportChatHandler supportChatHandler) {
        this.supportChatHandler = supportChatHandler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // the agent console and the widget embedded on the marketing site share one handler;
        // SupportSecurityConfig lets the widget's path through without a login
        registry.addHandler(supportChatHandler, "/ws/support", "/embed/support"); // expect: missing-upgrade-auth // ok: missing-origin-check
    }
}
