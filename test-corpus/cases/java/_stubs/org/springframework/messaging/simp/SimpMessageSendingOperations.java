package org.springframework.messaging.simp;

public interface SimpMessageSendingOperations {
  void convertAndSend(String destination, Object payload);
  void convertAndSendToUser(String user, String destination, Object payload);
}
