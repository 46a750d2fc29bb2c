package io.netty.util;

public final class AsciiString implements CharSequence {
  @Override
  public int length() {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public char charAt(int index) {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    throw new UnsupportedOperationException("stub");
  }
}
