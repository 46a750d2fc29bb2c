package org.acme.alerts;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

@Authenticated
// wsguard cannot see which mechanism authenticates (no application.properties here): a cookie is possible
// expect: missing-origin-check
@WebSocket(path = "/alerts") // ok: missing-upgrade-auth
class AlertSocket {

    private final SecurityIdentity identity;
    private final WebSocketConnection connection;

    AlertSocket(SecurityIdentity identity, WebSocketConnection connection) {
        this.identity = identity;
        this.connection = connection;
    }

    @OnTextMessage
    public void onMessage(String ack) {
        connection.sendTextAndAwait("ack from " + identity.getPrincipal().getName()); // ok: broadcast-to-all
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
