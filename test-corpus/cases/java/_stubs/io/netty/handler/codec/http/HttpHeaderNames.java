package io.netty.handler.codec.http;

import io.netty.util.AsciiString;

public final class HttpHeaderNames {
  public static final AsciiString AUTHORIZATION = new AsciiString();
  public static final AsciiString ORIGIN = new AsciiString();
  public static final AsciiString COOKIE = new AsciiString();
  public static final AsciiString SEC_WEBSOCKET_PROTOCOL = new AsciiString();
}
