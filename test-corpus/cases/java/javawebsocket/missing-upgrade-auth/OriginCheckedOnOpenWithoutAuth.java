package com.example.kiosk;

import java.net.InetSocketAddress;
import java.util.Set;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

// expect: missing-upgrade-auth -- only the Origin is checked; any client that sends an allowed Origin gets the queue
// ok: missing-origin-check -- onOpen closes connections from any other Origin
public class OriginCheckedOnOpenWithoutAuth extends WebSocketServer {
    private static final Set<String> FRONT_DESKS = Set.of("https://frontdesk.example.com");
    private final VisitorQueue queue = new VisitorQueue();

    public OriginCheckedOnOpenWithoutAuth(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String origin = handshake.getFieldValue("Origin");
        if (!FRONT_DESKS.contains(origin)) {
            conn.close(CloseFrame.POLICY_VALIDATION, "unknown origin");
            return;
        }
        conn.send(queue.waitingVisitorsJson());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(queue.waitingVisitorsJson());
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
    }

    static class VisitorQueue {
        String waitingVisitorsJson() {
            return "[]";
        }
    }
}
