package com.acme.market;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

@Configuration
@EnableWebSocket
class TickerConfig implements WebSocketConfigurer {

    private final TickerHandler tickerHandler = new TickerHandler();

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // a public market feed on the company's own pages: no login, same-origin only
        registry.addHandler(tickerHandler, "/ticker").addInterceptors(new AuthenticatingHandshakeInterceptor()); // expect: missing-upgrade-auth
    }

    static class TickerHandler extends TextWebSocketHandler {
        private final Set<WebSocketSession> watchers = ConcurrentHashMap.newKeySet();
        private final Map<String, BigDecimal> lastPrices = new ConcurrentHashMap<>();

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            watchers.add(session);
        }

        @Scheduled(fixedRate = 1000)
        public void publishPrices() throws IOException {
            String prices = lastPrices.toString();
            for (WebSocketSession watcher : watchers) {
                watcher.sendMessage(new TextMessage(prices)); // ok: broadcast-to-all
            }
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            watchers.remove(session);
        }
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
