package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wsguard.core.model.Endpoint;
import dev.wsguard.js.JsSources;
import org.junit.jupiter.api.Test;

class NumericValueTest {
  private static Long maxPayload(String expression) {
    Endpoint e = JsSources.of("s.js", "const { WebSocketServer } = require('ws');\n"
        + "new WebSocketServer({ port: 1, maxPayload: " + expression + " });").endpoint();
    return e.limits().maxMessageBytes();
  }

  @Test
  void computesConstantArithmetic() {
    assertEquals(1048576L, maxPayload("1024 * 1024"));
    assertEquals(65536L, maxPayload("64 * 1_024"));
    assertEquals(1048576L, maxPayload("1 << 20"));
    assertEquals(255L, maxPayload("0xff"));
    assertEquals(100L, maxPayload("(50 + 50)"));
  }

  @Test
  void leavesOtherExpressionsUnknown() {
    assertNull(maxPayload("process.env.MAX"));
    assertNull(maxPayload("1.5"));
  }
}
