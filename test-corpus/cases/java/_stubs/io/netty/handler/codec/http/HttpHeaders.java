package io.netty.handler.codec.http;

public abstract class HttpHeaders {
  public abstract String get(CharSequence name);

  public abstract String get(String name);
}
