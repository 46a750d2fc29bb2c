package example.micronaut;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.ServerWebSocket;

@Secured(SecurityRule.IS_AUTHENTICATED)
// ok: missing-origin-check
@ServerWebSocket("/ledger-admin") // ok: missing-upgrade-auth
public class LedgerAdminWebSocket {

    private final LedgerService ledgerService;

    public LedgerAdminWebSocket(LedgerService ledgerService) {
        this.ledgerService = ledgerService;
    }

    @Secured("ROLE_AUDITOR")
    @OnMessage
    public void onMessage(String accountId, WebSocketSession session) { // ok: missing-message-authz
        ledgerService.suspendAccount(accountId);
    }
}
