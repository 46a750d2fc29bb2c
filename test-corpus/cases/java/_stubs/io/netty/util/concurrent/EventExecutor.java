package io.netty.util.concurrent;

public interface EventExecutor {
}
