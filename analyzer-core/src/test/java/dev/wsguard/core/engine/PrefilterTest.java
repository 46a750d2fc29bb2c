package dev.wsguard.core.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefilterTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsFileContainingAnyWord() {
    Prefilter filter = new Prefilter(List.of("WebSocketServer", "socket.io", "jsonwebtoken"));
    assertTrue(filter.matches(bytes("const jwt = require('jsonwebtoken');")));
    assertTrue(filter.matches(bytes("import { Server } from \"socket.io\"")));
    assertTrue(filter.matches(bytes("new WebSocketServer({ port })")));
  }

  @Test
  void ignoresFileWithoutWords() {
    Prefilter filter = new Prefilter(List.of("WebSocketServer", "socket.io"));
    assertFalse(filter.matches(bytes("const http = require('http'); // WebSocket Server, socket io")));
    assertFalse(filter.matches(new byte[0]));
  }

  @Test
  void findsWordThatStartsInsideAFailedLongerMatch() {
    Prefilter filter = new Prefilter(List.of("abcd", "bce"));
    assertTrue(filter.matches(bytes("xxabcexx")));
    assertFalse(filter.matches(bytes("xxabcxx")));
  }

  @Test
  void findsWordThatIsASuffixOfAnother() {
    Prefilter filter = new Prefilter(List.of("websocket", "ket"));
    assertTrue(filter.matches(bytes("a socket here")));
  }

  @Test
  void matchesNonAsciiWordsByTheirUtf8Bytes() {
    Prefilter filter = new Prefilter(List.of("prüfen"));
    assertTrue(filter.matches(bytes("x = prüfen(token)")));
    assertFalse(filter.matches("x = prüfen(token)".getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void emptyWordListKeepsEveryFile() {
    assertTrue(new Prefilter(List.of()).matches(bytes("anything")));
  }
}
