package org.springframework.web.socket.config.annotation;

public class SockJsServiceRegistration {
  public SockJsServiceRegistration setHeartbeatTime(long heartbeatTime) { throw new UnsupportedOperationException("stub"); }
}
