package com.acme.telemetry;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/** Receives readings from field devices and fans alerts out to every connected dashboard. */
// expect: missing-upgrade-auth -- an unknown device key is only logged
// expect: missing-origin-check
public class TelemetryHub extends WebSocketServer {
    private static final Logger LOG = Logger.getLogger(TelemetryHub.class.getName());
    private final DeviceRegistry devices;

    public TelemetryHub(InetSocketAddress address, DeviceRegistry devices) {
        super(address);
        this.devices = devices;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String device = devices.findDevice(handshake.getFieldValue("X-Device-Key"));
        if (device == null) {
            LOG.warning("unregistered device connected from " + conn.getRemoteSocketAddress());
        }
        conn.setAttachment(device);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (message.startsWith("ALERT ")) {
            String alert = message.substring(6).replace("\"", "'");
            broadcast("{\"device\":\"" + conn.getAttachment() + "\",\"alert\":\"" + alert + "\"}"); // expect: broadcast-to-all -- unauthenticated connections receive every device's alerts
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        LOG.warning("device socket error: " + ex.getMessage());
    }

    @Override
    public void onStart() {
        LOG.info("telemetry hub listening on " + getPort());
    }

    // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
    private static final Set<String> ALLOWED_ORIGINS = Set.of();

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        if (!ALLOWED_ORIGINS.contains(request.getFieldValue("Origin"))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Origin not allowed");
        }
        Object user = authenticateHandshake(request);
        if (user == null) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Not authenticated");
        }
        conn.setAttachment(user);
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    // Rejects every handshake until it is wired to the app's own check of the request's credential (a
    // session cookie, or a token verified with the app's key): return the user, or null to refuse.
    private static Object authenticateHandshake(ClientHandshake request) {
        return null;
    }
}
