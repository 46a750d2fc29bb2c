package org.acme.orders;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

// expect: missing-origin-check
@WebSocket(path = "/orders/feed") // expect: missing-upgrade-auth
public class OrderFeedWithoutSecurity {

    @Inject
    WebSocketConnection connection;

    @Inject
    OrderRepository orders;

    @OnOpen
    public String onOpen() {
        return "connected"; // ok: broadcast-to-all
    }

    @OnTextMessage
    public void onMessage(String customerId) {
        connection.broadcast().sendTextAndAwait(orders.findOpenOrdersForCustomer(customerId)); // expect: broadcast-to-all
    }

    public static class OrderRepository {
        public String findOpenOrdersForCustomer(String customerId) {
            return "[]";
        }
    }
}
