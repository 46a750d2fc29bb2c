package io.quarkus.security.identity;

import java.security.Principal;
public interface SecurityIdentity {
  Principal getPrincipal();
  boolean hasRole(String role);
}
