package io.netty.handler.codec.http;

public class HttpResponseStatus {
  public static final HttpResponseStatus UNAUTHORIZED = new HttpResponseStatus();
  public static final HttpResponseStatus FORBIDDEN = new HttpResponseStatus();
}
