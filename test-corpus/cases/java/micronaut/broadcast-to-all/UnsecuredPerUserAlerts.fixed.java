package example.alerts;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketBroadcaster;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Predicate;

// expect-no-fix: missing-origin-check -- Micronaut has no per-endpoint Origin hook: the allow-list belongs in an HTTP filter wsguard does not write
// expect: missing-origin-check
@Secured(SecurityRule.IS_AUTHENTICATED)
@ServerWebSocket("/alerts/{userId}") // expect: missing-upgrade-auth
public class UnsecuredPerUserAlerts {
    private final WebSocketBroadcaster broadcaster;
    private final AlertService alertService;

    public UnsecuredPerUserAlerts(WebSocketBroadcaster broadcaster, AlertService alertService) {
        this.broadcaster = broadcaster;
        this.alertService = alertService;
    }

    @OnOpen
    public void onOpen(String userId, WebSocketSession session) {
        session.sendSync("welcome"); // ok: broadcast-to-all
    }

    @OnMessage
    public void onMessage(String userId, String symbol, WebSocketSession session) {
        broadcaster.broadcastSync(alertService.alertsForUser(userId, symbol), sameUserAs(session)); // expect: broadcast-to-all
    }

    public static class AlertService {
        public String alertsForUser(String userId, String symbol) {
            return "[]";
        }
    }

    // the sessions of the sender's user; none when the sender is anonymous
    private static Predicate<WebSocketSession> sameUserAs(WebSocketSession sender) {
        Optional<String> user = sender.getUserPrincipal().map(Principal::getName);
        return s -> user.isPresent() && user.equals(s.getUserPrincipal().map(Principal::getName));
    }
}
