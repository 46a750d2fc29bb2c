package com.acme.market;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Configuration
@EnableWebSocket
class TickerConfig implements WebSocketConfigurer {

    private final TickerHandler tickerHandler = new TickerHandler();

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // a public market feed on the company's own pages: no login, same-origin only
        registry.addHandler(tickerHandler, "/ticker"); // expect: missing-upgrade-auth
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
}
