package org.springframework.security.config.annotation.web.builders;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.*;
import org.springframework.security.web.SecurityFilterChain;
public final class HttpSecurity {
  public HttpSecurity securityMatcher(String... patterns) { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity authorizeHttpRequests(
      Customizer<AuthorizeHttpRequestsConfigurer.AuthorizationManagerRequestMatcherRegistry> customizer) { throw new UnsupportedOperationException("stub"); }
  public ExpressionUrlAuthorizationConfigurer.ExpressionInterceptUrlRegistry authorizeRequests() throws Exception { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity csrf(Customizer<CsrfConfigurer> customizer) { throw new UnsupportedOperationException("stub"); }
  public CsrfConfigurer csrf() throws Exception { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity formLogin(Customizer<FormLoginConfigurer> customizer) { throw new UnsupportedOperationException("stub"); }
  public FormLoginConfigurer formLogin() throws Exception { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity httpBasic(Customizer<HttpBasicConfigurer> customizer) { throw new UnsupportedOperationException("stub"); }
  public HttpBasicConfigurer httpBasic() throws Exception { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity oauth2ResourceServer(Customizer<OAuth2ResourceServerConfigurer> customizer) { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity sessionManagement(Customizer<SessionManagementConfigurer> customizer) { throw new UnsupportedOperationException("stub"); }
  public HttpSecurity addFilterBefore(Object filter, Class<?> beforeFilter) { throw new UnsupportedOperationException("stub"); }
  public SecurityFilterChain build() throws Exception { throw new UnsupportedOperationException("stub"); }
}
