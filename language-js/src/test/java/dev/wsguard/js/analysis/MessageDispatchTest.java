package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.js.parse.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageDispatchTest {
  private static List<String> types(String handlerSource) {
    Parsed p = Parsed.of("a.js", "const handler = " + handlerSource + ";");
    Node fn = p.cx.tree().root().namedChild(0).namedChild(0).child("value");
    p.cx.role(Syntax.parameter(fn, 0), Role.MESSAGE);
    return MessageDispatch.branches(p.cx, fn).stream().map(MessageDispatch.Branch::type).toList();
  }

  @Test
  void readsSwitchCasesOnAMessageField() {
    assertEquals(List.of("a", "b"), types("""
        (raw) => {
          const msg = JSON.parse(raw);
          switch (msg.type) { case 'a': x(); break; case 'b': y(); break; default: z(); }
        }"""));
  }

  @Test
  void readsEqualityTestsEitherWayRound() {
    assertEquals(List.of("a", "b"), types("""
        (raw) => {
          const { action } = JSON.parse(raw);
          if (action === 'a') x(); else if ('b' == action) y();
        }"""));
  }

  @Test
  void ignoresSwitchesOnOtherValues() {
    assertTrue(types("""
        (raw) => {
          switch (process.env.MODE) { case 'dev': x(); }
          if (config.kind === 'k') y();
        }""").isEmpty());
  }

  @Test
  void ignoresDispatchInsideNestedCallbacks() {
    assertTrue(types("""
        (raw) => {
          const msg = JSON.parse(raw);
          setTimeout(() => { if (msg.type === 'late') x(); }, 10);
        }""").isEmpty());
  }
}
