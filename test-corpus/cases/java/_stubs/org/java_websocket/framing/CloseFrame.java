package org.java_websocket.framing;

public class CloseFrame {
  public static final int NORMAL = 1000;
  public static final int POLICY_VALIDATION = 1008;
  public static final int REFUSE = 1003;
}
