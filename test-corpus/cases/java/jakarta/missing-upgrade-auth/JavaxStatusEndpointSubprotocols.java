package com.legacy.status;

import java.io.IOException;
import javax.websocket.OnMessage;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

// expect: missing-upgrade-auth
// expect: missing-origin-check -- nothing authenticates, so any page a visitor opens can connect
@ServerEndpoint(value = "/status", subprotocols = {"v1.status"})
public class JavaxStatusEndpointSubprotocols {
	@OnMessage
	public void onMessage(String msg, Session session) throws IOException {
		session.getBasicRemote().sendText("{\"status\":\"up\",\"echo\":\"" + msg + "\"}");
	}
}
