package com.shop.cart;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

// expect: missing-origin-check -- the customer's HTTP session cookie authorises the socket from any page
// ok: missing-upgrade-auth -- modifyHandshake throws without a customer session
@ServerEndpoint(value = "/cart", configurator = CartSessionConfiguratorNoCheckOrigin.SessionBridge.class)
public class CartSessionConfiguratorNoCheckOrigin {

    public static class SessionBridge extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            HttpSession http = (HttpSession) request.getHttpSession();
            if (http == null || http.getAttribute("customerId") == null) {
                throw new IllegalStateException("no customer session");
            }
            sec.getUserProperties().put("customerId", http.getAttribute("customerId"));
        }
    }

    @OnOpen
    public void onOpen(Session session, EndpointConfig config) {
        session.getUserProperties().put("customerId", config.getUserProperties().get("customerId"));
    }

    @OnMessage
    public String onMessage(String sku, Session session) {
        return "{\"added\":\"" + sku + "\"}";
    }
}
