package com.acme.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Configuration
@EnableWebSocket
class SupportDeskConfig implements WebSocketConfigurer {

    @Bean
    SecurityFilterChain supportChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/desk/**").authenticated()
                .anyRequest().permitAll())
            .formLogin(Customizer.withDefaults())
            .build();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new DeskHandler(), "/desk/live"); // ok: missing-upgrade-auth
    }

    static class DeskHandler extends TextWebSocketHandler {
        private final Map<String, WebSocketSession> agents = new ConcurrentHashMap<>();

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws IOException {
            agents.put(session.getId(), session);
            List<String> customers = List.copyOf(agents.keySet());
            for (WebSocketSession agent : agents.values()) {
                // every agent receives the full list of connected customers' session ids
                // expect-no-fix: broadcast-to-all -- a loop over the handler's own sessions: which session is whose user is the app's bookkeeping, so the patch cannot pick the recipient
                agent.sendMessage(new TextMessage(String.join(",", customers))); // expect: broadcast-to-all
            }
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            agents.remove(session.getId());
        }
    }
}
