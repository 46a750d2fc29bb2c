package dev.wsguard.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.rule.Level;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsFrontEndTest {
  private final JsFrontEnd frontEnd = new JsFrontEnd();

  @Test
  void readsEveryScriptExtension() {
    assertEquals("javascript", frontEnd.name());
    assertEquals(Set.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"), frontEnd.extensions());
  }

  @Test
  void triggersOnWsAndTokenLibraries() {
    List<String> words = frontEnd.triggerWords();
    for (String word : List.of("'ws'", "\"ws\"", "WebSocketServer", "WebSocket.Server", "handleUpgrade",
        "jsonwebtoken", "jwt-decode", "'jose'")) {
      assertTrue(words.contains(word), word);
    }
  }

  @Test
  void rendersNoFixForAFileItDoesNotRead() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 8080 });
        """);
    FixIntent intent = new FixIntent.AddUpgradeAuth(sources.endpoint());
    assertTrue(frontEnd.fixRenderer().render(intent, new SourceFile("server.py", new byte[0]), FixContext.EMPTY).isEmpty());
  }

  @Test
  void reportsASyntaxErrorAndStillReadsTheRest() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 8080 });
        function broken( {
        wss.on('connection', (ws) => ws.send('hi'));
        """);
    FileAnalysis analysis = sources.analyses().get(0);
    List<Notification> notes = analysis.notifications();
    assertEquals(1, notes.size());
    Notification note = notes.get(0);
    assertEquals("parse-error", note.id());
    assertEquals(Level.WARNING, note.level());
    assertEquals("server.js", note.path());
    assertEquals(sources.line("server.js", "function broken"), note.line());
    assertTrue(!note.message().contains("\n"), note.message());
    assertEquals(1, sources.link().get(0).endpoints().size());
  }

  @Test
  void reportsInvalidUtf8AndStillAnalysesTheFile() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("const { WebSocketServer } = require('ws');\nconst label = '".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
    out.writeBytes("';\nconst wss = new WebSocketServer({ port: 1 });\n".getBytes(StandardCharsets.UTF_8));
    JsSources sources = new JsSources().withBytes("latin1.js", out.toByteArray());
    List<Notification> notes = sources.analyses().get(0).notifications();
    assertTrue(notes.stream().anyMatch(n -> n.id().equals("invalid-utf8") && n.line() == 2), notes.toString());
    Endpoint e = sources.endpoint();
    assertEquals(3, e.declaration().startLine());
  }

  @Test
  void keepsTrueByteOffsetsAfterAByteOrderMark() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    String text = "const { WebSocketServer } = require('ws');\nconst wss = new WebSocketServer({ port: 1 });\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    Endpoint e = new JsSources().withBytes("bom.js", out.toByteArray()).endpoint();
    int expected = 3 + text.indexOf("new WebSocketServer");
    assertEquals(expected, e.declaration().startByte());
    assertEquals(2, e.declaration().startLine());
    assertEquals(13, e.declaration().startColumn());
  }

  @Test
  void survivesFiveThousandNestedCallbacks() {
    int depth = 5000;
    StringBuilder text = new StringBuilder("const { WebSocketServer } = require('ws');\n");
    text.append("const wss = new WebSocketServer({ port: 1 });\n");
    text.append("wss.on('connection', (ws) => {\n");
    text.append("f(() => {\n".repeat(depth));
    text.append("ws.send(JSON.stringify(users));\n");
    text.append("});\n".repeat(depth));
    text.append("});\n");
    JsSources sources = JsSources.of("deep.js", text.toString());
    List<FileFacts> facts = sources.link();
    assertTrue(sources.analyses().get(0).notifications().isEmpty(),
        sources.analyses().get(0).notifications().toString());
    assertEquals(1, facts.get(0).endpoints().size());
  }

  @Test
  void survivesDeepStatementsAndLongExpressionChains() {
    int depth = 3000;
    StringBuilder text = new StringBuilder("const { WebSocketServer } = require('ws');\n");
    text.append("const wss = new WebSocketServer({ port: 1 });\n");
    text.append("server.on('upgrade', (req, socket, head) => {\n");
    text.append("if (req.a) {\n".repeat(depth));
    text.append("wss.handleUpgrade(req, socket, head, () => {});\n");
    text.append("}\n".repeat(depth));
    text.append("});\n");
    text.append("const sum = ").append("x + ".repeat(depth)).append("x;\n");
    text.append("const chain = a").append(".b".repeat(depth)).append(";\n");
    text.append("wss.on('connection', (ws) => ws.send(").append("y || ".repeat(depth)).append("y));\n");
    JsSources sources = JsSources.of("deep.js", text.toString());
    assertTrue(sources.analyses().get(0).notifications().isEmpty(),
        sources.analyses().get(0).notifications().toString());
    assertEquals(1, sources.link().get(0).endpoints().size());
  }

  @Test
  void analysesEveryGrammar() {
    String server = "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 1 });\n";
    for (String path : List.of("a.js", "a.mjs", "a.cjs", "a.jsx", "a.ts", "a.mts", "a.cts", "a.tsx")) {
      assertEquals(1, JsSources.of(path, server).link().get(0).endpoints().size(), path);
    }
    String tsx = "import { WebSocketServer } from 'ws';\nconst el = <div>{'x'}</div>;\n"
        + "const wss = new WebSocketServer({ port: 1 });\n";
    assertEquals(1, JsSources.of("view.tsx", tsx).link().get(0).endpoints().size());
  }
}
