package com.acme.kiosk;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/** Wires the kiosk socket without @EnableWebSocket: no registry, so no same-origin default either. */
@Configuration
class KioskSocketConfig {

    @Bean
    public SimpleUrlHandlerMapping kioskMapping() {
        // expect: missing-origin-check
        // expect-no-fix: missing-origin-check -- a directly wired handler: its interceptors are set on the handler object, a shape the patch does not rewrite
        // expect-no-fix: missing-upgrade-auth -- a directly wired handler: its interceptors are set on the handler object, a shape the patch does not rewrite
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(new KioskHandler()); // expect: missing-upgrade-auth
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
        mapping.setUrlMap(Map.of("/kiosk", handler));
        mapping.setOrder(1);
        return mapping;
    }

    static class KioskHandler extends TextWebSocketHandler {
        private final Set<WebSocketSession> screens = ConcurrentHashMap.newKeySet();

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            screens.add(session);
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
            session.sendMessage(new TextMessage("pong")); // ok: broadcast-to-all
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            screens.remove(session);
        }
    }
}
