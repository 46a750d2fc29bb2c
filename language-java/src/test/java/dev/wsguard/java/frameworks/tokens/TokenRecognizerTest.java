package dev.wsguard.java.frameworks.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.Linked;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRecognizerTest {
  @Test
  void reportsTokenUsesInFilesWithoutAnyWebSocket() {
    List<TokenUse> uses = Linked.of("src/Util.java", """
        import com.auth0.jwt.JWT;
        class Util {
          String user(String t) {
            return JWT.decode(t).getSubject();
          }
        }
        """).tokenUses();
    assertEquals(1, uses.size());
    TokenUse u = uses.get(0);
    assertEquals("java-jwt.JWT.decode", u.library());
    assertFalse(u.signatureChecked());
    assertTrue(u.resultTrusted());
    assertEquals(4, u.location().startLine());
  }
}
