package io.netty.handler.codec.http.websocketx;

public abstract class WebSocketFrame {
}
