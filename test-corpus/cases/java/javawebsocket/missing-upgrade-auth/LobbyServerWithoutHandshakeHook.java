package com.games.lobby;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

// expect: missing-upgrade-auth
// expect: missing-origin-check -- no authentication: any page a player opens can join the lobby
public class LobbyServerWithoutHandshakeHook extends WebSocketServer {
  private final Set<WebSocket> lobby = ConcurrentHashMap.newKeySet();

  public LobbyServerWithoutHandshakeHook(int port) {
    super(new InetSocketAddress(port));
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    lobby.add(conn);
    conn.send("{\"type\":\"welcome\"}");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    lobby.remove(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    conn.send("{\"type\":\"echo\",\"body\":" + message + "}");
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
  }

  @Override
  public void onStart() {
  }
}
