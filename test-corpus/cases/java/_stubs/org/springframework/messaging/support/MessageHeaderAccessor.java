package org.springframework.messaging.support;

import org.springframework.messaging.Message;
public class MessageHeaderAccessor {
  public static <T extends MessageHeaderAccessor> T getAccessor(Message<?> message, Class<T> requiredType) { throw new UnsupportedOperationException("stub"); }
}
