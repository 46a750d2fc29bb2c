package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.wsguard.core.model.Strength;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void readsAVariableAssignedOnlyVerificationResults() {
    Parsed p = Parsed.of("a.js", """
        const jwt = require('jsonwebtoken');
        let user = null;
        try { user = jwt.verify(t, k); } catch { user = null; }
        check(user);
        """);
    Value v = p.cx.valueOf(p.last("identifier", "user"));
    Value.Verified verified = assertInstanceOf(Value.Verified.class, v);
    assertEquals(Strength.VERIFIED, verified.term().strength());
  }

  @Test
  void forgetsAVariableThatAlsoGetsADefault() {
    Parsed p = Parsed.of("a.js", """
        const jwt = require('jsonwebtoken');
        let user;
        try { user = jwt.verify(t, k); } catch { user = { role: 'guest' }; }
        check(user);
        """);
    assertInstanceOf(Value.Unknown.class, p.cx.valueOf(p.last("identifier", "user")));
  }

  @Test
  void readsAFlagSetAfterAVerification() {
    Parsed p = Parsed.of("a.js", """
        const jwt = require('jsonwebtoken');
        let authed = false;
        function onAuth(token) { jwt.verify(token, k); authed = true; }
        check(authed);
        """);
    assertInstanceOf(Value.Verified.class, p.cx.valueOf(p.last("identifier", "authed")));
  }

  @Test
  void keysMembersByTheRoleOfTheirBase() {
    Parsed p = Parsed.of("a.js", """
        const jwt = require('jsonwebtoken');
        function upgrade(ws) { ws.user = jwt.verify(t, k); }
        function message(socket) { check(socket.user); }
        """);
    p.cx.role(p.node("identifier", "ws"), Role.CONNECTION);
    p.cx.role(p.node("identifier", "socket"), Role.CONNECTION);
    assertInstanceOf(Value.Verified.class, p.cx.valueOf(p.node("member_expression", "socket.user")));
  }

  @Test
  void readsTheErrorAndResultOfAnEnvelope() {
    Parsed p = Parsed.of("a.js", """
        const { data: { user }, error } = await supabase.auth.getUser(token);
        check(user, error);
        """);
    assertInstanceOf(Value.Verified.class, p.cx.valueOf(p.last("identifier", "user")));
    assertInstanceOf(Value.Failure.class, p.cx.valueOf(p.last("identifier", "error")));
  }

  @Test
  void readsTheOriginHeaderWhereverItIsTaken() {
    Parsed p = Parsed.of("a.js", """
        const { origin } = req.headers;
        const o2 = req.headers.origin ?? '';
        check(origin, o2, req.get('Origin'));
        """);
    assertInstanceOf(Value.OriginHeader.class, p.cx.valueOf(p.last("identifier", "origin")));
    assertInstanceOf(Value.OriginHeader.class, p.cx.valueOf(p.last("identifier", "o2")));
    assertInstanceOf(Value.OriginHeader.class, p.cx.valueOf(p.node("call_expression", "req.get('Origin')")));
  }
}
