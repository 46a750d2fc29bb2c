package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceLinesTest {
  @Test
  void splitsOnNewlinesAndDropsCarriageReturns() {
    SourceLines lines = SourceLines.of("one\r\ntwo\nthree".getBytes(StandardCharsets.UTF_8));
    assertEquals(3, lines.count());
    assertEquals("one", lines.text(1));
    assertEquals("two", lines.text(2));
    assertEquals("three", lines.text(3));
  }

  @Test
  void countsTheEmptyLineAfterAFinalNewline() {
    SourceLines lines = SourceLines.of("a\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, lines.count());
    assertEquals("", lines.text(2));
  }

  @Test
  void answersEmptyForLinesOutOfRange() {
    SourceLines lines = SourceLines.of("a".getBytes(StandardCharsets.UTF_8));
    assertEquals("", lines.text(0));
    assertEquals("", lines.text(5));
  }

  @Test
  void decodesUtf8AndToleratesInvalidBytes() {
    byte[] content = {'x', (byte) 0xc3, (byte) 0xa9, '\n', (byte) 0xff, 'y'};
    SourceLines lines = SourceLines.of(content);
    assertEquals("xé", lines.text(1));
    assertEquals("\ufffdy", lines.text(2));
  }
}
