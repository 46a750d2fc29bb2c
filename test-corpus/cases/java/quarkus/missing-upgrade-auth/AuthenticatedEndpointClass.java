package org.acme.alerts;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

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
}
