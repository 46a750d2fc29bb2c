package com.acme.board;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration
@EnableWebSocket
public class BoardSocketConfig implements WebSocketConfigurer {

    private final BoardWebSocketProperties properties;
    private final BoardHandler boardHandler;

    public BoardSocketConfig(BoardWebSocketProperties properties, BoardHandler boardHandler) {
        this.properties = properties;
        this.boardHandler = boardHandler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // ok: missing-origin-check
        // expect-no-fix: missing-upgrade-auth -- wsguard has no patch writer for Spring WebSocket endpoints yet
        registry.addHandler(boardHandler, "/board") // expect: missing-upgrade-auth
                .addInterceptors(new BearerPayloadInterceptor())
                .setAllowedOrigins(properties.getAllowedOrigins().toArray(new String[0]));
    }
}
