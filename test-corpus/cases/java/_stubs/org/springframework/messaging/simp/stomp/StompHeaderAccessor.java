package org.springframework.messaging.simp.stomp;

import java.security.Principal;
import java.util.List;
import org.springframework.messaging.support.MessageHeaderAccessor;
public class StompHeaderAccessor extends MessageHeaderAccessor {
  public StompCommand getCommand() { throw new UnsupportedOperationException("stub"); }
  public String getFirstNativeHeader(String headerName) { throw new UnsupportedOperationException("stub"); }
  public List<String> getNativeHeader(String headerName) { throw new UnsupportedOperationException("stub"); }
  public String getDestination() { throw new UnsupportedOperationException("stub"); }
  public Principal getUser() { throw new UnsupportedOperationException("stub"); }
  public void setUser(Principal principal) {}
}
