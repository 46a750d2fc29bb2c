package io.jsonwebtoken;

public interface Jwt<H extends Header, P> {
  P getPayload();

  P getBody();
}
