package org.springframework.http.server;

import org.springframework.http.HttpStatusCode;
public interface ServerHttpResponse {
  void setStatusCode(HttpStatusCode status);
}
