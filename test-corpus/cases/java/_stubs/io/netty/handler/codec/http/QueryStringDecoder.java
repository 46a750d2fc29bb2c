package io.netty.handler.codec.http;

public class QueryStringDecoder {
  public QueryStringDecoder(String uri) {
  }

  public java.util.Map<String, java.util.List<String>> parameters() {
    throw new UnsupportedOperationException("stub");
  }
}
