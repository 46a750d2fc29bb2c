package dev.wsguard.js.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.js.JsSources;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenFixesTest {
  private static Optional<Fix> render(String path, String text) {
    TokenUse decode = JsSources.of(path, text).tokenUses().stream()
        .filter(u -> !u.signatureChecked()).findFirst().orElseThrow();
    return new JsFixRenderer().render(new FixIntent.VerifyToken(decode),
        new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)), FixContext.EMPTY);
  }

  private static String apply(String text, Fix fix) {
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), fix.edits()), StandardCharsets.UTF_8);
  }

  @Test
  void verifiesWithTheKeyAndOptionsTheFileAlreadyUses() {
    String text = """
        const jwt = require('jsonwebtoken');
        const KEY = process.env.APP_KEY;
        function admin(t) {
          return jwt.verify(t, KEY, { algorithms: ['HS256'] });
        }
        function user(t) {
          const claims = jwt.decode(t);
          return claims && claims.sub;
        }
        """;
    assertEquals("""
        const jwt = require('jsonwebtoken');
        const KEY = process.env.APP_KEY;
        function admin(t) {
          return jwt.verify(t, KEY, { algorithms: ['HS256'] });
        }
        function user(t) {
          const claims = verifiedClaims(t);
          return claims && claims.sub;
        }

        // jwt.verify in place of decode: checks the signature and expiry, and gives null when they
        // fail, as decode gives null for a malformed token
        function verifiedClaims(token) {
          try {
            return jwt.verify(token, KEY, { algorithms: ['HS256'] });
          } catch {
            return null;
          }
        }
        """, apply(text, render("a.js", text).orElseThrow()));
  }

  @Test
  void fallsBackToJwtSecretTypedForTypeScript() {
    String text = """
        import jwt from "jsonwebtoken"
        export function subject(t: string) {
          const claims = jwt.decode(t) as { sub: string } | null
          return claims?.sub
        }
        """;
    String patched = apply(text, render("a.ts", text).orElseThrow());
    assertTrue(patched.contains("const claims = verifiedClaims(t) as { sub: string } | null\n"), patched);
    assertTrue(patched.contains("function verifiedClaims(token: string) {\n"), patched);
    assertTrue(patched.contains("return jwt.verify(token, process.env.JWT_SECRET ?? \"\")\n"), patched);
  }

  @Test
  void leavesADestructuredOrCompleteDecodeAlone() {
    assertTrue(render("a.js", """
        const jwt = require('jsonwebtoken');
        module.exports = (t) => {
          const { sub, role } = jwt.decode(t);
          return { sub, role };
        };
        """).isEmpty());
    assertTrue(render("b.js", """
        const jwt = require('jsonwebtoken');
        module.exports = (t) => {
          const decoded = jwt.decode(t, { complete: true });
          return decoded && decoded.payload.sub;
        };
        """).isEmpty());
  }
}
