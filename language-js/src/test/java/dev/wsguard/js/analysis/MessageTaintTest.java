package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageTaintTest {
  private static Parsed handler(String body) {
    Parsed p = Parsed.of("a.js", "ws.on('message', (raw) => {\n" + body + "\n});");
    p.cx.role(p.node("identifier", "raw"), Role.MESSAGE);
    return p;
  }

  @Test
  void followsParsingDestructuringAndMembers() {
    Parsed p = handler("""
        const msg = JSON.parse(raw.toString());
        const { type } = msg;
        let text;
        text = msg.body.trim();
        use(msg.type, type, text, `${text}!`);
        """);
    assertTrue(p.cx.messageDerived(p.node("member_expression", "msg.type")));
    assertTrue(p.cx.messageDerived(p.last("identifier", "type")));
    assertTrue(p.cx.messageDerived(p.last("identifier", "text")));
    assertTrue(p.cx.messageDerived(p.node("template_string", "`${text}!`")));
  }

  @Test
  void stopsAtLookupsMadeWithTheMessage() {
    Parsed p = handler("""
        const msg = JSON.parse(raw);
        const doc = docs.get(msg.id);
        use(doc.owner);
        """);
    assertFalse(p.cx.messageDerived(p.node("member_expression", "doc.owner")));
  }
}
