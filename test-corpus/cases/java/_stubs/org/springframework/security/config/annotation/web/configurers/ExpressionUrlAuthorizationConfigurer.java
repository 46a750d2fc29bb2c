package org.springframework.security.config.annotation.web.configurers;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
public final class ExpressionUrlAuthorizationConfigurer {
  public final class ExpressionInterceptUrlRegistry {
    public AuthorizedUrl antMatchers(String... antPatterns) { throw new UnsupportedOperationException("stub"); }
    public AuthorizedUrl mvcMatchers(String... patterns) { throw new UnsupportedOperationException("stub"); }
    public AuthorizedUrl anyRequest() { throw new UnsupportedOperationException("stub"); }
    public HttpSecurity and() { throw new UnsupportedOperationException("stub"); }
  }
  public class AuthorizedUrl {
    public ExpressionInterceptUrlRegistry permitAll() { throw new UnsupportedOperationException("stub"); }
    public ExpressionInterceptUrlRegistry authenticated() { throw new UnsupportedOperationException("stub"); }
    public ExpressionInterceptUrlRegistry hasRole(String role) { throw new UnsupportedOperationException("stub"); }
    public ExpressionInterceptUrlRegistry access(String attribute) { throw new UnsupportedOperationException("stub"); }
  }
}
