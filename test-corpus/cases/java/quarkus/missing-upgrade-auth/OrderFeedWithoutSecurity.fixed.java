package org.acme.orders;

import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

// expect: missing-origin-check
@Authenticated
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

    // Runs before the upgrade of every websockets-next endpoint of the application: a browser page from an
    // Origin not listed in ALLOWED_ORIGINS gets 403
    @ApplicationScoped
    public static class OriginCheck implements HttpUpgradeCheck {
        // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
        private static final Set<String> ALLOWED_ORIGINS =
                Arrays.stream(System.getenv().getOrDefault("ALLOWED_ORIGINS", "").split(","))
                        .map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());

        @Override
        public Uni<CheckResult> perform(HttpUpgradeContext context) {
            // browsers always send Origin on a WebSocket upgrade; other clients are left to authentication
            String origin = context.httpRequest().getHeader("Origin");
            if (origin != null && !ALLOWED_ORIGINS.contains(origin)) {
                return CheckResult.rejectUpgrade(403);
            }
            return CheckResult.permitUpgrade();
        }
    }
}
