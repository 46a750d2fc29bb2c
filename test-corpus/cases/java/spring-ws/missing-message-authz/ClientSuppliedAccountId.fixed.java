package com.acme.wallet;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.springframework.boot.json.JsonParserFactory;
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
class WalletSocketConfig implements WebSocketConfigurer {

    @Bean
    SecurityFilterChain walletChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/wallet/**").authenticated())
            .formLogin(Customizer.withDefaults()).build();
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new TransferHandler(new LedgerClient()), "/wallet/socket"); // ok: missing-upgrade-auth
    }

    static class LedgerClient {
        void transferFunds(String fromAccountId, String toAccountId, long cents) {
        }
    }

    static class TransferHandler extends TextWebSocketHandler {
        private final LedgerClient ledger;

        TransferHandler(LedgerClient ledger) {
            this.ledger = ledger;
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException { // expect: missing-message-authz
            if (!isAllowed(session.getPrincipal(), "handleTextMessage")) {
                session.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            Map<String, Object> req = JsonParserFactory.getJsonParser().parseMap(message.getPayload());
            String fromAccountId = (String) req.get("fromAccountId");
            String toAccountId = (String) req.get("toAccountId");
            ledger.transferFunds(fromAccountId, toAccountId, ((Number) req.get("cents")).longValue());
            session.sendMessage(new TextMessage("{\"ok\":true}"));
        }

        // Denies every action until it is wired to the app's permission model (the user's roles, or whether
        // the user owns what the message names): return true only when the user may perform the action.
        private static boolean isAllowed(Principal user, String action) {
            return false;
        }
    }
}
