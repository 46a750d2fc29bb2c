package org.springframework.http.server;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
public interface ServerHttpRequest {
  HttpHeaders getHeaders();
  URI getURI();
  Principal getPrincipal();
}
