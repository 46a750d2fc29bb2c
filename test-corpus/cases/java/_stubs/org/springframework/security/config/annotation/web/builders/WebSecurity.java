package org.springframework.security.config.annotation.web.builders;

public final class WebSecurity {
  public IgnoredRequestConfigurer ignoring() { throw new UnsupportedOperationException("stub"); }
  public final class IgnoredRequestConfigurer {
    public IgnoredRequestConfigurer requestMatchers(String... patterns) { throw new UnsupportedOperationException("stub"); }
  }
}
