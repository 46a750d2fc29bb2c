package com.acme.forum;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Configuration
@EnableWebSocket
class ForumSocketConfig implements WebSocketConfigurer {

    @Bean
    SecurityFilterChain forumChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
            .formLogin(Customizer.withDefaults()).build();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new ModerationHandler(new ForumService()), "/forum/moderation"); // ok: missing-upgrade-auth
    }

    @Service
    static class ForumService {
        void banUser(String userId) {
        }

        void lockThread(String threadId) {
        }

        boolean hasModeratorRole(String username) {
            return false;
        }
    }

    static class ModerationHandler extends TextWebSocketHandler {
        private final ForumService forumService;

        ModerationHandler(ForumService forumService) {
            this.forumService = forumService;
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
            Map<String, Object> cmd = JsonParserFactory.getJsonParser().parseMap(message.getPayload());
            if (!forumService.hasModeratorRole(session.getPrincipal().getName())) {
                session.close();
                return;
            }
            if ("ban".equals(cmd.get("op"))) { // ok: missing-message-authz
                forumService.banUser((String) cmd.get("userId"));
            } else if ("lock".equals(cmd.get("op"))) { // ok: missing-message-authz
                forumService.lockThread((String) cmd.get("threadId"));
            }
        }
    }
}
