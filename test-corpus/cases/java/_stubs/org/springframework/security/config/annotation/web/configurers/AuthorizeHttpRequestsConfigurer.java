package org.springframework.security.config.annotation.web.configurers;

import org.springframework.http.HttpMethod;
public final class AuthorizeHttpRequestsConfigurer {
  public final class AuthorizationManagerRequestMatcherRegistry {
    public AuthorizedUrl requestMatchers(String... patterns) { throw new UnsupportedOperationException("stub"); }
    public AuthorizedUrl requestMatchers(HttpMethod method, String... patterns) { throw new UnsupportedOperationException("stub"); }
    public AuthorizedUrl anyRequest() { throw new UnsupportedOperationException("stub"); }
  }
  public class AuthorizedUrl {
    public AuthorizationManagerRequestMatcherRegistry permitAll() { throw new UnsupportedOperationException("stub"); }
    public AuthorizationManagerRequestMatcherRegistry denyAll() { throw new UnsupportedOperationException("stub"); }
    public AuthorizationManagerRequestMatcherRegistry authenticated() { throw new UnsupportedOperationException("stub"); }
    public AuthorizationManagerRequestMatcherRegistry hasRole(String role) { throw new UnsupportedOperationException("stub"); }
    public AuthorizationManagerRequestMatcherRegistry hasAnyRole(String... roles) { throw new UnsupportedOperationException("stub"); }
    public AuthorizationManagerRequestMatcherRegistry hasAuthority(String authority) { throw new UnsupportedOperationException("stub"); }
  }
}
