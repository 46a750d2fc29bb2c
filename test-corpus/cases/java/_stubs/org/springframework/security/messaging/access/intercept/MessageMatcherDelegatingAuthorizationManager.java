package org.springframework.security.messaging.access.intercept;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.security.authorization.AuthorizationManager;
public final class MessageMatcherDelegatingAuthorizationManager implements AuthorizationManager<Message<?>> {
  public void verify(java.util.function.Supplier<Object> authentication, Message<?> object) {}
  public static Builder builder() { throw new UnsupportedOperationException("stub"); }
  public static final class Builder {
    public Constraint simpDestMatchers(String... patterns) { throw new UnsupportedOperationException("stub"); }
    public Constraint simpSubscribeDestMatchers(String... patterns) { throw new UnsupportedOperationException("stub"); }
    public Constraint simpTypeMatchers(SimpMessageType... typesToMatch) { throw new UnsupportedOperationException("stub"); }
    public Constraint nullDestMatcher() { throw new UnsupportedOperationException("stub"); }
    public Constraint anyMessage() { throw new UnsupportedOperationException("stub"); }
    public AuthorizationManager<Message<?>> build() { throw new UnsupportedOperationException("stub"); }
    public final class Constraint {
      public Builder permitAll() { throw new UnsupportedOperationException("stub"); }
      public Builder denyAll() { throw new UnsupportedOperationException("stub"); }
      public Builder authenticated() { throw new UnsupportedOperationException("stub"); }
      public Builder hasRole(String role) { throw new UnsupportedOperationException("stub"); }
      public Builder hasAnyRole(String... roles) { throw new UnsupportedOperationException("stub"); }
    }
  }
}
