package org.springframework.security.config.annotation.web.configurers;

import org.springframework.security.config.http.SessionCreationPolicy;
public final class SessionManagementConfigurer {
  public SessionManagementConfigurer sessionCreationPolicy(SessionCreationPolicy policy) { throw new UnsupportedOperationException("stub"); }
}
