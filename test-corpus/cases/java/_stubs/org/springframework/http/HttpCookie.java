package org.springframework.http;

public class HttpCookie {
  public HttpCookie(String name, String value) {}
  public String getName() { throw new UnsupportedOperationException("stub"); }
  public String getValue() { throw new UnsupportedOperationException("stub"); }
}
