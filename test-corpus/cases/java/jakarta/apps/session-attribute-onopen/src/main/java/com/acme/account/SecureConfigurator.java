// corpus: no-findings
package com.acme.account;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Set;

public class SecureConfigurator extends ServerEndpointConfig.Configurator {
  private static final Set<String> ALLOWED = Set.of("https://app.acme.com");

  @Override
  public boolean checkOrigin(String originHeaderValue) {
    return ALLOWED.contains(originHeaderValue);
  }

  @Override
  public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
    Object session = request.getHttpSession();
    sec.getUserProperties().put("httpSession", session);
  }
}
