package org.springframework.web.reactive.socket;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

public class HandshakeInfo {
  public URI getUri() { throw new UnsupportedOperationException("stub"); }
  public HttpHeaders getHeaders() { throw new UnsupportedOperationException("stub"); }
  public MultiValueMap<String, HttpCookie> getCookies() { throw new UnsupportedOperationException("stub"); }
  public Mono<Principal> getPrincipal() { throw new UnsupportedOperationException("stub"); }
  public String getSubProtocol() { throw new UnsupportedOperationException("stub"); }
  public InetSocketAddress getRemoteAddress() { throw new UnsupportedOperationException("stub"); }
  public Map<String, Object> getAttributes() { throw new UnsupportedOperationException("stub"); }
}
