package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {
  @Test
  void reportsNulByteNearTheStartAsBinary() {
    byte[] content = "const a = 1;\u0000rest".getBytes(StandardCharsets.UTF_8);
    assertTrue(ContentSniffer.looksBinary(content));
  }

  @Test
  void ignoresNulBytePastTheWindow() {
    byte[] content = new byte[ContentSniffer.BINARY_WINDOW + 10];
    java.util.Arrays.fill(content, (byte) 'a');
    content[ContentSniffer.BINARY_WINDOW + 5] = 0;
    assertFalse(ContentSniffer.looksBinary(content));
  }

  @Test
  void reportsOneLongLineAsMinified() {
    assertTrue(ContentSniffer.looksMinified("var a=1;".repeat(2000).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void reportsBundleBehindALicenceBannerAsMinified() {
    String bundle = "/*!\n * lib v1.0\n * MIT\n */\n" + "function f(a){return a+1};".repeat(1000);
    assertTrue(ContentSniffer.looksMinified(bundle.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void ignoresOrdinarySource() {
    String source = "const x = require('ws');\nfunction handle(msg) {\n  return msg.trim();\n}\n".repeat(200);
    assertFalse(ContentSniffer.looksMinified(source.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void ignoresShortOneLiner() {
    String source = "const { WebSocketServer } = require('ws'); new WebSocketServer({ port: 8080 });";
    assertFalse(ContentSniffer.looksMinified(source.getBytes(StandardCharsets.UTF_8)));
  }
}
