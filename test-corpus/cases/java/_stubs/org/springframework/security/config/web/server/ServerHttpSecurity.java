package org.springframework.security.config.web.server;

import org.springframework.security.config.Customizer;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;

public class ServerHttpSecurity {
  public ServerHttpSecurity authorizeExchange(Customizer<AuthorizeExchangeSpec> customizer) { throw new UnsupportedOperationException("stub"); }
  public ServerHttpSecurity csrf(Customizer<CsrfSpec> customizer) { throw new UnsupportedOperationException("stub"); }
  public ServerHttpSecurity formLogin(Customizer<FormLoginSpec> customizer) { throw new UnsupportedOperationException("stub"); }
  public ServerHttpSecurity httpBasic(Customizer<HttpBasicSpec> customizer) { throw new UnsupportedOperationException("stub"); }
  public ServerHttpSecurity oauth2ResourceServer(Customizer<OAuth2ResourceServerSpec> customizer) { throw new UnsupportedOperationException("stub"); }
  public ServerHttpSecurity securityContextRepository(ServerSecurityContextRepository repository) { throw new UnsupportedOperationException("stub"); }
  public SecurityWebFilterChain build() { throw new UnsupportedOperationException("stub"); }

  public class AuthorizeExchangeSpec {
    public Access pathMatchers(String... antPatterns) { throw new UnsupportedOperationException("stub"); }
    public Access anyExchange() { throw new UnsupportedOperationException("stub"); }

    public final class Access {
      public AuthorizeExchangeSpec permitAll() { throw new UnsupportedOperationException("stub"); }
      public AuthorizeExchangeSpec denyAll() { throw new UnsupportedOperationException("stub"); }
      public AuthorizeExchangeSpec authenticated() { throw new UnsupportedOperationException("stub"); }
      public AuthorizeExchangeSpec hasRole(String role) { throw new UnsupportedOperationException("stub"); }
      public AuthorizeExchangeSpec hasAnyRole(String... roles) { throw new UnsupportedOperationException("stub"); }
      public AuthorizeExchangeSpec hasAuthority(String authority) { throw new UnsupportedOperationException("stub"); }
    }
  }

  public class CsrfSpec {
    public ServerHttpSecurity disable() { throw new UnsupportedOperationException("stub"); }
  }

  public class FormLoginSpec {
    public FormLoginSpec loginPage(String loginPage) { throw new UnsupportedOperationException("stub"); }
  }

  public class HttpBasicSpec {
    public ServerHttpSecurity disable() { throw new UnsupportedOperationException("stub"); }
  }

  public class OAuth2ResourceServerSpec {
    public OAuth2ResourceServerSpec jwt(Customizer<JwtSpec> customizer) { throw new UnsupportedOperationException("stub"); }

    public class JwtSpec {
      public JwtSpec jwkSetUri(String jwkSetUri) { throw new UnsupportedOperationException("stub"); }
    }
  }
}
