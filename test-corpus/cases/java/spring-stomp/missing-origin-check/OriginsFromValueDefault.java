package com.acme.poll;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

@Configuration
@EnableWebSocketMessageBroker
class PollSocketConfig implements WebSocketMessageBrokerConfigurer {

    // nothing sets poll.allowed-origins, so the default after the colon applies: every origin
    @Value("${poll.allowed-origins:*}")
    private String allowedOrigins;

    @Bean
    SecurityFilterChain pollSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
            .formLogin(Customizer.withDefaults())
            .build();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/poll-ws") // ok: missing-upgrade-auth
            // expect-no-fix: missing-origin-check -- the origins come from poll.allowed-origins, whose default is "*": the allow-list belongs where the app is configured
            .setAllowedOriginPatterns(allowedOrigins.split(",")); // expect: missing-origin-check
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
    }
}
