package dev.wsguard.java.frameworks.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AntPathsTest {

  @Test
  void doubleStarSpansNoneOrManySegments() {
    assertTrue(AntPaths.matches("/ws/**", "/ws"));
    assertTrue(AntPaths.matches("/ws/**", "/ws/chat/info"));
    assertTrue(AntPaths.matches("/**", "/anything/at/all"));
    assertFalse(AntPaths.matches("/ws/**", "/wsx"));
  }

  @Test
  void singleStarAndVariablesStayInOneSegment() {
    assertFalse(AntPaths.matches("/ws/*", "/ws"));
    assertTrue(AntPaths.matches("/ws/*", "/ws/chat"));
    assertFalse(AntPaths.matches("/ws/*", "/ws/chat/info"));
    assertTrue(AntPaths.matches("/app/rooms/{id}.delete", "/app/rooms/{roomId}.delete"));
    assertTrue(AntPaths.matches("/app/desk/**", "/app/desk/cancel"));
  }

  @Test
  void pathPatternCaptureSpansTheRestOfThePath() {
    assertTrue(AntPaths.matches("/admin/{*path}", "/admin"));
    assertTrue(AntPaths.matches("/admin/{*path}", "/admin/console/live"));
    assertFalse(AntPaths.matches("/admin/{*path}", "/administrator"));
    assertFalse(AntPaths.matches("/admin/{path}", "/admin/console/live"));
  }
}
