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
        // expect-no-fix: missing-upgrade-auth -- the endpoint's own interceptor is where the verification belongs; a second gate beside it would leave its decoded user in place
        registry.addHandler(boardHandler, "/board") // expect: missing-upgrade-auth
                .addInterceptors(new BearerPayloadInterceptor())
                .setAllowedOrigins(properties.getAllowedOrigins().toArray(new String[0]));
    }
}
