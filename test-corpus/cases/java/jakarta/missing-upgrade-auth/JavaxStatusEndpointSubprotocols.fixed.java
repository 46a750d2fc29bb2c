package com.legacy.status;

import java.io.IOException;
import java.util.Set;
import javax.websocket.HandshakeResponse;
import javax.websocket.OnMessage;
import javax.websocket.Session;
import javax.websocket.server.HandshakeRequest;
import javax.websocket.server.ServerEndpoint;
import javax.websocket.server.ServerEndpointConfig;

// expect: missing-upgrade-auth
// expect: missing-origin-check -- nothing authenticates, so any page a visitor opens can connect
@ServerEndpoint(value = "/status", subprotocols = {"v1.status"}, configurator = JavaxStatusEndpointSubprotocols.HandshakeGuard.class)
public class JavaxStatusEndpointSubprotocols {
	@OnMessage
	public void onMessage(String msg, Session session) throws IOException {
		session.getBasicRemote().sendText("{\"status\":\"up\",\"echo\":\"" + msg + "\"}");
	}

	/** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
	public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
		// Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
		private static final Set<String> ALLOWED_ORIGINS = Set.of();

		@Override
		public boolean checkOrigin(String originHeaderValue) {
			return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
		}

		@Override
		public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
			Object user = authenticateHandshake(request);
			if (user == null) {
				throw new SecurityException("WebSocket handshake not authenticated");
			}
			sec.getUserProperties().put("user", user);
		}

		// Rejects every handshake until it is wired to the app's own check of the request's credential (its
		// HTTP session, or a token verified with the app's key): return the user, or null to refuse.
		private static Object authenticateHandshake(HandshakeRequest request) {
			return null;
		}
	}
}
