package io.netty.util.concurrent;

public final class GlobalEventExecutor implements EventExecutor {
  public static final GlobalEventExecutor INSTANCE = new GlobalEventExecutor();
}
