package org.springframework.http;

import java.util.List;
public class HttpHeaders {
  public static final String AUTHORIZATION = "Authorization";
  public static final String COOKIE = "Cookie";
  public static final String ORIGIN = "Origin";
  public String getOrigin() { throw new UnsupportedOperationException("stub"); }
  public String getFirst(String headerName) { throw new UnsupportedOperationException("stub"); }
  public List<String> get(Object key) { throw new UnsupportedOperationException("stub"); }
}
