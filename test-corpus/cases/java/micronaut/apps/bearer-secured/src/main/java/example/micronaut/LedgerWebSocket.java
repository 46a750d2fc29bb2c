package example.micronaut;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketBroadcaster;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.ServerWebSocket;

@Secured(SecurityRule.IS_AUTHENTICATED)
// a bearer token from the SPA authenticates the upgrade: a foreign page has none to send
// ok: missing-origin-check
@ServerWebSocket("/ledger/{accountId}") // ok: missing-upgrade-auth
public class LedgerWebSocket {

    private final WebSocketBroadcaster broadcaster;
    private final LedgerService ledgerService;

    public LedgerWebSocket(WebSocketBroadcaster broadcaster, LedgerService ledgerService) {
        this.broadcaster = broadcaster;
        this.ledgerService = ledgerService;
    }

    @OnMessage
    // expect-no-fix: missing-message-authz -- which role may delete ledger entries is the app's decision, not a patch's
    public void onMessage(String accountId, String entryId, WebSocketSession session) { // expect: missing-message-authz
        ledgerService.deleteEntry(accountId, entryId);
        session.sendSync("deleted " + entryId); // ok: broadcast-to-all
        broadcaster.broadcastSync(ledgerService.findBalances()); // expect: broadcast-to-all
    }
}
