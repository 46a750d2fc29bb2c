package org.springframework.messaging.simp;

public class SimpMessagingTemplate implements SimpMessageSendingOperations {
  public void convertAndSend(String destination, Object payload) {}
  public void convertAndSendToUser(String user, String destination, Object payload) {}
}
