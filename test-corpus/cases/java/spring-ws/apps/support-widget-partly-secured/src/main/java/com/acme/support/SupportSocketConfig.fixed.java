package com.acme.support;

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
public class SupportSocketConfig implements WebSocketConfigurer {

    private final SupportChatHandler supportChatHandler;

    public SupportSocketConfig(SupportChatHandler supportChatHandler) {
        this.supportChatHandler = supportChatHandler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // the agent console and the widget embedded on the marketing site share one handler;
        // SupportSecurityConfig lets the widget's path through without a login
        registry.addHandler(supportChatHandler, "/ws/support", "/embed/support").addInterceptors(new AuthenticatingHandshakeInterceptor()); // expect: missing-upgrade-auth // ok: missing-origin-check
    }

    /** Refuses the handshake with 401 unless the request carries a verified user, kept in the session. */
    static class AuthenticatingHandshakeInterceptor implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Map<String, Object> attributes) {
            Principal user = request.getPrincipal();
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
    }
}
