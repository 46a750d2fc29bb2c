package com.shop.wallet;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

// expect-no-fix: missing-origin-check -- its configurator is in another file, out of reach of a patch of the endpoint's file
// expect: missing-origin-check
// ok: missing-upgrade-auth -- WalletSessionConfigurator throws without a signed-in session
@ServerEndpoint(value = "/wallet", configurator = WalletSessionConfigurator.class)
public class WalletEndpoint {
    @OnMessage
    public String balance(String ignored, Session session) {
        return "{\"balance\":0}";
    }
}
