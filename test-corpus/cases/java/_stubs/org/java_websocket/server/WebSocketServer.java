package org.java_websocket.server;

import java.net.InetSocketAddress;
import java.util.Collection;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;

public abstract class WebSocketServer {
  public WebSocketServer(InetSocketAddress address) {
  }

  public abstract void onOpen(WebSocket conn, ClientHandshake handshake);

  public abstract void onClose(WebSocket conn, int code, String reason, boolean remote);

  public abstract void onMessage(WebSocket conn, String message);

  public abstract void onError(WebSocket conn, Exception ex);

  public abstract void onStart();

  public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
      ClientHandshake request) throws InvalidDataException {
    throw new UnsupportedOperationException("stub");
  }

  public Collection<WebSocket> getConnections() {
    throw new UnsupportedOperationException("stub");
  }

  public void broadcast(String text) {
    throw new UnsupportedOperationException("stub");
  }

  public void broadcast(String text, Collection<WebSocket> clients) {
    throw new UnsupportedOperationException("stub");
  }

  public int getPort() {
    throw new UnsupportedOperationException("stub");
  }

  public void start() {
    throw new UnsupportedOperationException("stub");
  }
}
