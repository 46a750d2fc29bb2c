package org.springframework.security.config.annotation.web.configurers;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
public final class FormLoginConfigurer {
  public FormLoginConfigurer loginPage(String loginPage) { throw new UnsupportedOperationException("stub"); }
  public FormLoginConfigurer permitAll() { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity and() { throw new UnsupportedOperationException("stub"); }
}
