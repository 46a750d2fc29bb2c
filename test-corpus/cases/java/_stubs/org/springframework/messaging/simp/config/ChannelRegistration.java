package org.springframework.messaging.simp.config;

import org.springframework.messaging.support.ChannelInterceptor;
public class ChannelRegistration {
  public TaskExecutorRegistration taskExecutor() { throw new UnsupportedOperationException("stub"); }
  public ChannelRegistration interceptors(ChannelInterceptor... interceptors) { throw new UnsupportedOperationException("stub"); }
}
