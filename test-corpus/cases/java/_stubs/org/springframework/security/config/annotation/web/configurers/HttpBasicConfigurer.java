package org.springframework.security.config.annotation.web.configurers;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
public final class HttpBasicConfigurer {
  public HttpSecurity and() { throw new UnsupportedOperationException("stub"); }
}
