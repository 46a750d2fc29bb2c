package com.acme.webflux.lobby;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import reactor.core.publisher.Mono;

@Configuration
public class GameLobbyConfig {

  // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
  @Value("${app.websocket.allowed-origins:}")
  private String[] allowedOrigins;

  @Bean
  public HandlerMapping lobbyHandlerMapping(LobbyHandler lobbyHandler) {
    // expect: missing-upgrade-auth -- nothing on the handshake or in handle() asks who is joining
    // expect: missing-origin-check
    SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/ws/lobby", lobbyHandler), 1);
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(List.of(allowedOrigins));
    mapping.setCorsConfigurations(Map.of("/ws/lobby", cors));
    return mapping;
  }

  @Bean
  public WebSocketHandlerAdapter handlerAdapter() {
    return new WebSocketHandlerAdapter();
  }
}

class LobbyHandler implements WebSocketHandler {
  private final LobbyService lobby;

  LobbyHandler(LobbyService lobby) {
    this.lobby = lobby;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    String user = authenticate(session.getHandshakeInfo());
    if (user == null) {
      return session.close(CloseStatus.POLICY_VIOLATION);
    }
    return session.send(session.receive()
        .map(msg -> lobby.join(msg.getPayloadAsText()))
        .map(session::textMessage));
  }

  // Closes every session until it is wired to the app's own check of the handshake's credential (a token
  // in its access_token query parameter, verified with the app's key): return the user's name, or null
  // to close the session.
  private static String authenticate(HandshakeInfo handshake) {
    return null;
  }
}

interface LobbyService {
  String join(String player);
}
