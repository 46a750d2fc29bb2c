package com.example.ticker;

import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

// expect: missing-upgrade-auth -- a public feed, still reported: nothing authenticates the connection
// expect: missing-origin-check
public class PublicTickerBroadcast extends WebSocketServer {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PriceFeed prices = new PriceFeed();

    public PublicTickerBroadcast(int port) {
        super(new InetSocketAddress(port));
    }

    @Override
    public void onStart() {
        timer.scheduleAtFixedRate(() -> broadcast(prices.latestQuotesJson()), 1, 1, TimeUnit.SECONDS); // ok: broadcast-to-all -- public market quotes
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    static class PriceFeed {
        String latestQuotesJson() {
            return "{}";
        }
    }
}
