package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void splitsCamelSnakeAndAcronyms() {
    assertEquals(List.of("open", "orders", "with", "clients"), Words.split("openOrdersWithClients"));
    assertEquals(List.of("parse", "jwt", "token"), Words.split("parseJWTToken"));
    assertEquals(List.of("access", "token"), Words.split("access_token"));
    assertEquals(List.of("sec", "websocket", "protocol"), Words.split("sec-websocket-protocol"));
  }

  @Test
  void findsTheFirstWordInASet() {
    assertEquals("users", Words.anyIn("listAllUsers", Set.of("users")));
    assertEquals("all", Words.anyIn("listAllUsers", Set.of("users", "all")));
  }
}
