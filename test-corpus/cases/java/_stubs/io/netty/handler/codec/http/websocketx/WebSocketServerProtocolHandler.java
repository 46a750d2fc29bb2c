package io.netty.handler.codec.http.websocketx;

public class WebSocketServerProtocolHandler implements io.netty.channel.ChannelHandler {
  public WebSocketServerProtocolHandler(String websocketPath) {
  }

  public WebSocketServerProtocolHandler(String websocketPath, String subprotocols, boolean allowExtensions) {
  }

  public static final class HandshakeComplete {
    public String requestUri() {
      throw new UnsupportedOperationException("stub");
    }

    public io.netty.handler.codec.http.HttpHeaders requestHeaders() {
      throw new UnsupportedOperationException("stub");
    }

    public String selectedSubprotocol() {
      throw new UnsupportedOperationException("stub");
    }
  }
}
