package com.acme.account;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// the configurator copies the HTTP session into the user properties; @OnOpen closes unless the session holds a
// logged-in user: a session check, before anything is sent
// ok: missing-upgrade-auth
// ok: missing-origin-check
@ServerEndpoint(value = "/account", configurator = SecureConfigurator.class)
public class AccountEndpoint {
  @OnOpen
  public void onOpen(Session session, EndpointConfig config) throws IOException {
    HttpSession http = (HttpSession) config.getUserProperties().get("httpSession");
    if (http == null || http.getAttribute("userId") == null) {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login required"));
      return;
    }
    session.getBasicRemote().sendText("welcome");
  }
}
