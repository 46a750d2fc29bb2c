package org.springframework.messaging;

public class MessagingException extends RuntimeException {
  public MessagingException(String description) { super(description); }
}
