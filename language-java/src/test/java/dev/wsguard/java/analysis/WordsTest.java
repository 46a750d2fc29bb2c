package dev.wsguard.java.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void splitsCamelSnakeAndAcronyms() {
    assertEquals(List.of("delete", "user", "by", "id"), Words.of("deleteUserById"));
    assertEquals(List.of("http", "session", "id"), Words.of("HTTPSessionId"));
    assertEquals(List.of("max", "size"), Words.of("MAX_SIZE"));
    assertEquals("kick", Words.first("kickPlayer"));
  }
}
