package com.example.notify;

import java.security.Principal;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

@Configuration
@EnableWebSocket
public class NotificationsSocketConfig implements WebSocketConfigurer {

    private final NotificationHandler notificationHandler;

    public NotificationsSocketConfig(NotificationHandler notificationHandler) {
        this.notificationHandler = notificationHandler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(notificationHandler, "/ws/notifications") // expect: missing-upgrade-auth
                .addInterceptors(new AuthenticatingHandshakeInterceptor())
                .setAllowedOrigins("*"); // expect: missing-origin-check
    }

    /** Refuses the handshake with 401 unless the request carries a verified user, kept in the session. */
    static class AuthenticatingHandshakeInterceptor implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Map<String, Object> attributes) {
            Principal user = authenticate(request);
            if (user == null) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            attributes.put("user", user);
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Exception exception) {
            // nothing to do once the connection is up
        }

        // Rejects every handshake until it is wired to the app's own check of the request's credential (the
        // principal Spring Security established, or a token verified with the app's key): return the user, or
        // null to answer 401.
        private static Principal authenticate(ServerHttpRequest request) {
            return null;
        }
    }
}
