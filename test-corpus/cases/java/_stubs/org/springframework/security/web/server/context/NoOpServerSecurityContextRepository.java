package org.springframework.security.web.server.context;

public final class NoOpServerSecurityContextRepository implements ServerSecurityContextRepository {
  private NoOpServerSecurityContextRepository() {}
  public static NoOpServerSecurityContextRepository getInstance() { throw new UnsupportedOperationException("stub"); }
}
