package org.springframework.messaging.simp.config;

public class MessageBrokerRegistry {
  public SimpleBrokerRegistration enableSimpleBroker(String... destinationPrefixes) { throw new UnsupportedOperationException("stub"); }
  public MessageBrokerRegistry setApplicationDestinationPrefixes(String... prefixes) { throw new UnsupportedOperationException("stub"); }
  public MessageBrokerRegistry setUserDestinationPrefix(String destinationPrefix) { throw new UnsupportedOperationException("stub"); }
}
