package com.acme.webflux.lobby;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import reactor.core.publisher.Mono;

@Configuration
public class GameLobbyConfig {

  @Bean
  public HandlerMapping lobbyHandlerMapping(LobbyHandler lobbyHandler) {
    // expect: missing-upgrade-auth -- nothing on the handshake or in handle() asks who is joining
    // expect: missing-origin-check
    return new SimpleUrlHandlerMapping(Map.of("/ws/lobby", lobbyHandler), 1);
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
    return session.send(session.receive()
        .map(msg -> lobby.join(msg.getPayloadAsText()))
        .map(session::textMessage));
  }
}

interface LobbyService {
  String join(String player);
}
