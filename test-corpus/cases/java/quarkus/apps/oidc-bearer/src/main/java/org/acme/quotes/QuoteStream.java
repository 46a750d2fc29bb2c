package org.acme.quotes;

import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

// OIDC in service mode: the upgrade carries a bearer token, which a foreign page cannot attach
@Authenticated
// ok: missing-origin-check
@WebSocket(path = "/quotes") // ok: missing-upgrade-auth
public class QuoteStream {

    private final OpenConnections connections;
    private final PortfolioService portfolioService;

    public QuoteStream(OpenConnections connections, PortfolioService portfolioService) {
        this.connections = connections;
        this.portfolioService = portfolioService;
    }

    @OnOpen
    public String onOpen() {
        return "connected";
    }

    @OnTextMessage
    public void onMessage(String symbol) {
        for (WebSocketConnection c : connections) {
            // every subscriber sees the positions of every portfolio holding the symbol
            // expect-no-fix: broadcast-to-all -- which connection belongs to which user is the app's own bookkeeping (userData, a map), which a patch cannot invent
            c.sendTextAndAwait(portfolioService.findPositionsBySymbol(symbol)); // expect: broadcast-to-all
        }
    }
}
