package org.springframework.messaging.simp.config;

public class TaskExecutorRegistration {
  public TaskExecutorRegistration corePoolSize(int corePoolSize) { throw new UnsupportedOperationException("stub"); }
  public TaskExecutorRegistration maxPoolSize(int maxPoolSize) { throw new UnsupportedOperationException("stub"); }
}
