package org.springframework.web.reactive.socket;

public final class CloseStatus {
  public static final CloseStatus NORMAL = new CloseStatus(1000);
  public static final CloseStatus NOT_ACCEPTABLE = new CloseStatus(1003);
  public static final CloseStatus POLICY_VIOLATION = new CloseStatus(1008);
  public CloseStatus(int code) {}
  public CloseStatus withReason(String reason) { throw new UnsupportedOperationException("stub"); }
}
