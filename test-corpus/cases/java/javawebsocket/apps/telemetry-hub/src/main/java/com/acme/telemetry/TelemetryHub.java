package com.acme.telemetry;

import java.net.InetSocketAddress;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
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
}
