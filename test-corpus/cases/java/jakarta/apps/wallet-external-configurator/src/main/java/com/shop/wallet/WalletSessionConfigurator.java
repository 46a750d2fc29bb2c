// corpus: no-findings
package com.shop.wallet;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

public class WalletSessionConfigurator extends ServerEndpointConfig.Configurator {
    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        HttpSession http = (HttpSession) request.getHttpSession();
        if (http == null || http.getAttribute("walletOwner") == null) {
            throw new IllegalStateException("login first");
        }
        sec.getUserProperties().put("walletOwner", http.getAttribute("walletOwner"));
    }
}
