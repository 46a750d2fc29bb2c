package com.acme.helpdesk;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

@Configuration
@EnableWebSocketMessageBroker
public class HelpdeskStompConfig implements WebSocketMessageBrokerConfigurer {

    private final TicketTokenService ticketTokenService;

    public HelpdeskStompConfig(TicketTokenService ticketTokenService) {
        this.ticketTokenService = ticketTokenService;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // expect-no-fix: missing-upgrade-auth -- the endpoint's own CONNECT interceptor reads the token but never refuses: the refusal belongs in it, not in a second interceptor
        registry.addEndpoint("/helpdesk-ws"); // expect: missing-upgrade-auth
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new AuditingConnectInterceptor(ticketTokenService));
    }
}
