package io.netty.util;

public interface ReferenceCounted {
  ReferenceCounted retain();

  boolean release();
}
