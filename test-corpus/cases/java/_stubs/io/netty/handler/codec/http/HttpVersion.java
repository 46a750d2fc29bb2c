package io.netty.handler.codec.http;

public class HttpVersion {
  public static final HttpVersion HTTP_1_1 = new HttpVersion();
}
