package com.acme.trading;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

@Configuration
@EnableWebSocketMessageBroker
public class TradingStompConfig implements WebSocketMessageBrokerConfigurer {

    private final JwtConnectInterceptor jwtConnectInterceptor;

    public TradingStompConfig(JwtConnectInterceptor jwtConnectInterceptor) {
        this.jwtConnectInterceptor = jwtConnectInterceptor;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // the SPA sends its access token in the CONNECT frame; a foreign page has no token to send
        // ok: missing-origin-check
        registry.addEndpoint("/trading").setAllowedOriginPatterns("*"); // ok: missing-upgrade-auth
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue");
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(jwtConnectInterceptor);
    }
}
