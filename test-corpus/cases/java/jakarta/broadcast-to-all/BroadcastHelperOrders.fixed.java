package com.example.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

// ok: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/shop/admin-feed", configurator = BroadcastHelperOrders.HandshakeGuard.class)
public class BroadcastHelperOrders {
    private static final Set<Session> CLIENTS = new CopyOnWriteArraySet<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final OrderRepository orderRepository = new OrderRepository();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
            return;
        }
        CLIENTS.add(session);
    }

    @OnMessage
    public void onMessage(String command, Session session) throws JsonProcessingException {
        if ("refresh".equals(command)) {
            broadcast(mapper.writeValueAsString(orderRepository.findRecentOrders()));
        }
    }

    private static void broadcast(String json) {
        for (Session client : CLIENTS) {
            client.getAsyncRemote().sendText(json); // expect: broadcast-to-all
        }
    }

    static class OrderRepository {
        List<Object> findRecentOrders() {
            return List.of();
        }
    }

    /** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
    public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }
    }
}
