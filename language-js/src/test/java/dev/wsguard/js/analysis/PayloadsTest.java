package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsguard.core.model.Provenance;
import dev.wsguard.js.parse.Node;
import org.junit.jupiter.api.Test;

class PayloadsTest {
  /** Classifies the argument of the last {@code send(...)} call of the source. */
  private static Provenance sent(String source) {
    Parsed p = Parsed.of("a.js", source);
    Node send = null;
    for (Node n : p.cx.tree().root().descendants()) {
      if (n.is("call_expression") && "send".equals(Syntax.calleeName(n))) {
        send = n;
      }
    }
    // the incoming message is a handler parameter named raw, as the recogniser would mark it
    for (Node n : p.cx.tree().root().descendants()) {
      if (n.is("identifier") && n.text().equals("raw") && n.parent().is("formal_parameters")) {
        p.cx.role(n, Role.MESSAGE);
      }
    }
    return new Payloads(p.cx).classify(Syntax.argument(send, 0));
  }

  @Test
  void readsLiteralsTimeAndCountsAsPublic() {
    assertEquals(Provenance.PUBLIC, sent("c.send(JSON.stringify({ type: 'pong', at: Date.now() }));"));
    assertEquals(Provenance.PUBLIC, sent("c.send(`online: ${wss.clients.size}`);"));
    assertEquals(Provenance.PUBLIC, sent("c.send(JSON.stringify({ users: [...wss.clients].length }));"));
    assertEquals(Provenance.PUBLIC, sent("const price = feed.latest(); c.send(JSON.stringify({ price }));"));
  }

  @Test
  void decidesAProjectionByTheFieldsItKeeps() {
    assertEquals(Provenance.PUBLIC, sent(
        "c.send(JSON.stringify({ type: 'presence', users: [...online.values()].map((u) => u.name) }));"));
    assertEquals(Provenance.PUBLIC, sent(
        "c.send(JSON.stringify({ users: list.map((u) => { return u.displayName; }) }));"));
    assertEquals(Provenance.SENSITIVE, sent(
        "c.send(JSON.stringify({ users: [...online.values()].map((u) => u.email) }));"));
    assertEquals(Provenance.SENSITIVE, sent(
        "const roster = [...online.values()].map(({ id, name, email }) => ({ id, name, email }));\n"
            + "c.send(JSON.stringify({ type: 'roster', roster }));"));
    assertEquals(Provenance.SENSITIVE, sent("c.send(JSON.stringify({ users: online.map((u) => u.profile) }));"));
  }

  @Test
  void readsTheIncomingMessageAsEcho() {
    assertEquals(Provenance.ECHO, sent("ws.on('message', (raw) => c.send(raw));"));
    assertEquals(Provenance.ECHO, sent("""
        ws.on('message', (raw) => {
          const msg = JSON.parse(raw);
          c.send(JSON.stringify({ text: msg.text, at: new Date() }));
        });
        """));
  }

  @Test
  void keepsAnEchoWrappedWithTheSendersName() {
    assertEquals(Provenance.ECHO, sent("""
        ws.on('message', (raw) => {
          c.send(JSON.stringify({ from: ws.user.name, text: raw.toString() }));
        });
        """));
  }

  @Test
  void readsOneUsersRecordAsPerUser() {
    assertEquals(Provenance.PER_USER, sent("c.send(JSON.stringify(ws.user));"));
  }

  @Test
  void readsQueryResultsAndCredentialsAsSensitive() {
    assertEquals(Provenance.SENSITIVE, sent("const rows = await db.query('select 1'); c.send(JSON.stringify(rows));"));
    assertEquals(Provenance.SENSITIVE, sent("c.send(JSON.stringify({ token: t }));"));
    assertEquals(Provenance.SENSITIVE, sent("c.send(JSON.stringify(await userStore.listUsers()));"));
  }

  @Test
  void leavesWhatItCannotNameUnknown() {
    assertEquals(Provenance.UNKNOWN, sent("c.send(JSON.stringify(metrics.snapshot()));"));
  }
}
