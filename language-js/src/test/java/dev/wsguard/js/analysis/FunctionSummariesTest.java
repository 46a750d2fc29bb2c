package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.facts.SummaryFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionSummariesTest {
  private static SummaryFact summary(String source) {
    Parsed p = Parsed.of("a.js", source);
    Node fn = null;
    for (Node n : p.cx.tree().root().descendants()) {
      if (Syntax.isFunction(n)) {
        fn = n;
        break;
      }
    }
    return p.cx.summaries().summarize(fn);
  }

  private static List<SummaryFact.ExitKind> kinds(SummaryFact s) {
    return s.exits().stream().map(SummaryFact.Exit::kind).toList();
  }

  @Test
  void summarisesAVerifierThatReturnsNullOnFailure() {
    SummaryFact s = summary("""
        const jwt = require('jsonwebtoken');
        function verifyToken(req) {
          const token = req.headers.authorization;
          try { return jwt.verify(token, KEY); } catch { return null; }
        }
        """);
    assertEquals("verifyToken", s.name());
    assertEquals(List.of(SummaryFact.ExitKind.RETURN_RESULT, SummaryFact.ExitKind.RETURN_FALSY), kinds(s));
    Term verified = s.exits().get(0).path().terms().get(0);
    assertEquals(Strength.VERIFIED, verified.strength());
    assertTrue(s.exits().get(1).path().terms().isEmpty());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), s.credentials());
  }

  @Test
  void summarisesAVerifierThatThrows() {
    SummaryFact s = summary("""
        const { jwtVerify } = require('jose');
        async function requireUser(token) {
          const { payload } = await jwtVerify(token, KEY);
          return payload;
        }
        """);
    assertTrue(kinds(s).contains(SummaryFact.ExitKind.THROW));
    assertTrue(s.exits().stream().filter(e -> e.kind() != SummaryFact.ExitKind.THROW)
        .allMatch(e -> !e.path().terms().isEmpty()));
  }

  @Test
  void summarisesAPromiseWrappedCallbackVerify() {
    SummaryFact s = summary("""
        const jwt = require('jsonwebtoken');
        function verifyAsync(token) {
          return new Promise((resolve, reject) => {
            jwt.verify(token, KEY, (err, decoded) => (err ? reject(err) : resolve(decoded)));
          });
        }
        """);
    assertTrue(kinds(s).contains(SummaryFact.ExitKind.THROW));
    assertTrue(kinds(s).contains(SummaryFact.ExitKind.RETURN_RESULT), kinds(s).toString());
  }

  @Test
  void summarisesAVerifyClientStyleCallback() {
    SummaryFact s = summary("""
        const jwt = require('jsonwebtoken');
        function check(info, done) {
          jwt.verify(info.req.headers.authorization, KEY, (err) => {
            if (err) return done(false, 401);
            done(true);
          });
        }
        """);
    SummaryFact.Exit truthy = s.exits().stream().filter(e -> e.kind() == SummaryFact.ExitKind.RETURN_TRUTHY)
        .findFirst().orElseThrow();
    assertEquals(Strength.VERIFIED, truthy.path().terms().get(0).strength());
  }
}
