package dev.wsguard.js.frameworks.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.JsSources;
import dev.wsguard.js.fix.JsFixRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WsFixesTest {
  private static Optional<Fix> render(FixIntent intent, String path, String text) {
    return new JsFixRenderer().render(intent, new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)), FixContext.EMPTY);
  }

  private static Optional<Fix> render(FixIntent intent, String path, String text, Verifier... verifiers) {
    return new JsFixRenderer().render(intent, new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)),
        new FixContext(List.of(verifiers)));
  }

  private static Verifier verifier(String name, String path, Verifier.Input input, Verifier.Failure failure,
      boolean async) {
    return new Verifier(name, null, new SourceLocation(path, 3, 1, 9, 2, 40, 200), input, failure, async, false);
  }

  private static String apply(String text, Fix... fixes) {
    List<dev.wsguard.core.fix.TextEdit> edits = new ArrayList<>();
    for (Fix f : fixes) {
      edits.addAll(f.edits());
    }
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), edits), StandardCharsets.UTF_8);
  }

  @Test
  void movesThePortToAnHttpServerAndAuthenticatesAtTheUpgrade() {
    String text = """
        const { WebSocketServer } = require('ws');

        const wss = new WebSocketServer({ host: '127.0.0.1', port: 9000 });
        wss.on('connection', (ws) => ws.send('hi'));
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    Fix fix = render(new FixIntent.AddUpgradeAuth(e), "s.js", text).orElseThrow();
    assertEquals("""
        const { WebSocketServer } = require('ws');
        const http = require('http');

        const wss = new WebSocketServer({ noServer: true });

        const httpServer = http.createServer((req, res) => res.writeHead(426).end());
        httpServer.on('upgrade', (request, socket, head) => {
          const user = authenticateUpgrade(request);
          if (!user) {
            socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');
            socket.destroy();
            return;
          }
          wss.handleUpgrade(request, socket, head, (ws) => {
            wss.emit('connection', ws, request, user);
          });
        });
        httpServer.listen(9000, '127.0.0.1');

        // Rejects every upgrade until it is wired to the app's own check of the request's credential (its
        // session cookie, or a token verified with the app's key): return the user, or null to answer 401.
        function authenticateUpgrade(request) {
          return null;
        }
        wss.on('connection', (ws) => ws.send('hi'));
        """, apply(text, fix));
  }

  @Test
  void followsTheFilesQuotesSemicolonsAndImports() {
    String text = """
        import { WebSocketServer } from "ws"
        import { createServer } from "node:http"

        const server = createServer()
        const wss = new WebSocketServer({
            server,
            path: "/live",
        })
        server.listen(3000)
        """;
    Endpoint e = JsSources.of("s.ts", text).endpoint();
    Fix auth = render(new FixIntent.AddUpgradeAuth(e), "s.ts", text).orElseThrow();
    Fix origins = render(new FixIntent.RestrictOrigins(e), "s.ts", text).orElseThrow();
    String patched = apply(text, auth, origins);
    assertTrue(patched.contains("import * as http from \"node:http\"\n"), patched);
    assertTrue(patched.contains("""
        const wss = new WebSocketServer({
            noServer: true,
            path: "/live",
            verifyClient: verifyOrigin,
        })
        """), patched);
    assertTrue(patched.contains("server.on(\"upgrade\", (request, socket, head) => {\n"
        + "    const user = authenticateUpgrade(request)\n"), patched);
    assertTrue(patched.contains("function authenticateUpgrade(request: http.IncomingMessage): object | null {\n"
        + "    return null\n}"), patched);
    assertTrue(patched.contains("done(ALLOWED_ORIGINS.has(info.origin), 403, \"Forbidden\")"), patched);
  }

  @Test
  void putsTheOriginCheckAtTheTopOfAnExistingUpgradeHandler() {
    String text = """
        const http = require('http');
        const { WebSocketServer } = require('ws');
        const server = http.createServer();
        const wss = new WebSocketServer({ noServer: true });

        server.on('upgrade', (req, sock, head) => {
          // the session decides
          if (!req.headers.cookie) {
            sock.destroy();
            return;
          }
          wss.handleUpgrade(req, sock, head, (ws) => wss.emit('connection', ws, req));
        });
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    Fix fix = render(new FixIntent.RestrictOrigins(e), "s.js", text).orElseThrow();
    String patched = apply(text, fix);
    assertTrue(patched.contains("""
        server.on('upgrade', (req, sock, head) => {
          if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
            sock.write('HTTP/1.1 403 Forbidden\\r\\n\\r\\n');
            sock.destroy();
            return;
          }
          // the session decides
        """), patched);
    assertTrue(patched.contains("const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '')"), patched);
  }

  @Test
  void leavesAServerBuiltInAFactoryAlone() {
    String text = """
        const { WebSocketServer } = require('ws');
        function start(port) {
          const wss = new WebSocketServer({ port });
          wss.on('connection', (ws) => ws.send('hi'));
          return wss;
        }
        module.exports = { start };
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(e), "s.js", text).isEmpty());
    assertTrue(render(new FixIntent.RestrictOrigins(e), "s.js", text).isEmpty());
  }

  @Test
  void leavesAServerThatNeedsItsOwnListenerAlone() {
    String text = """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 8081 });
        wss.on('listening', () => console.log('up on', wss.address().port));
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(e), "s.js", text).isEmpty());
  }

  @Test
  void leavesAnEndpointWithAGuardToBeFixedWhereItIs() {
    String text = """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({
          port: 8082,
          verifyClient: (info) => jwt.decode(new URL(info.req.url, 'http://x').searchParams.get('t')) !== null,
        });
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(e), "s.js", text).isEmpty());
    assertTrue(render(new FixIntent.RestrictOrigins(e), "s.js", text).isEmpty());
  }

  @Test
  void leavesOtherFrameworksToTheirOwnFixers() {
    String text = """
        const express = require('express');
        const app = express();
        require('express-ws')(app);
        app.ws('/feed', (ws) => ws.send('hi'));
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    // express-ws's own fixer answers, with route middleware: never ws's noServer rewrite
    String auth = apply(text, render(new FixIntent.AddUpgradeAuth(e), "s.js", text).orElseThrow());
    assertTrue(auth.contains("app.ws('/feed', authenticateWs, (ws) => ws.send('hi'));") && !auth.contains("noServer"),
        auth);
  }

  @Test
  void callsTheProjectsRequestVerifierAndImportsItBesideHttp() {
    String text = """
        const { WebSocketServer } = require('ws');
        const feed = require('./feed');

        const wss = new WebSocketServer({ port: 9000 });
        wss.on('connection', (ws) => feed.follow(ws));
        """;
    Endpoint e = JsSources.of("src/s.js", text).endpoint();
    Fix fix = render(new FixIntent.AddUpgradeAuth(e), "src/s.js", text,
        verifier("userFromRequest", "src/auth/session.js", Verifier.Input.REQUEST, Verifier.Failure.RETURNS_FALSY,
            false)).orElseThrow();
    assertEquals("""
        const { WebSocketServer } = require('ws');
        const feed = require('./feed');
        const http = require('http');
        const { userFromRequest } = require('./auth/session');

        const wss = new WebSocketServer({ noServer: true });

        const httpServer = http.createServer((req, res) => res.writeHead(426).end());
        httpServer.on('upgrade', (request, socket, head) => {
          let user;
          try {
            user = userFromRequest(request);
          } catch {
            user = null;
          }
          if (!user) {
            socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');
            socket.destroy();
            return;
          }
          wss.handleUpgrade(request, socket, head, (ws) => {
            wss.emit('connection', ws, request, user);
          });
        });
        httpServer.listen(9000);
        wss.on('connection', (ws) => feed.follow(ws));
        """, apply(text, fix));
    assertTrue(fix.description().contains("userFromRequest()"), fix.description());
  }

  @Test
  void awaitsAnAsyncTokenVerifierInTypeScriptAndReadsTheTokenFromTheRequest() {
    String text = """
        import { WebSocketServer } from 'ws';
        import { createServer } from 'http';

        const server = createServer();
        export const wss = new WebSocketServer({ server });
        server.listen(8080);
        """;
    Endpoint e = JsSources.of("app/server.ts", text).endpoint();
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "app/server.ts", text,
        verifier("default", "app/verify-token.ts", Verifier.Input.TOKEN, Verifier.Failure.THROWS, true))
        .orElseThrow());
    assertTrue(patched.contains("import verifyToken from './verify-token';\n"), patched);
    assertTrue(patched.contains("""
        server.on('upgrade', async (request, socket, head) => {
          const token = upgradeToken(request);
          let user: Awaited<ReturnType<typeof verifyToken>> | null;
          try {
            user = token ? await verifyToken(token) : null;
          } catch {
            user = null;
          }
          if (!user) {
        """), patched);
    assertTrue(patched.contains("function upgradeToken(request: http.IncomingMessage): string | null {"), patched);
    assertTrue(patched.contains("new URL(request.url ?? '/', 'http://localhost').searchParams.get('token')"),
        patched);
    assertFalse(patched.contains("authenticateUpgrade"), patched);
  }

  @Test
  void reusesTheFilesOwnImportOfTheVerifier() {
    String text = """
        const http = require('http');
        const { WebSocketServer } = require('ws');
        const { checkToken: verify } = require('../lib/auth');

        const server = http.createServer((req, res) => res.end(verify(req.headers.authorization) ? 'ok' : 'no'));
        const wss = new WebSocketServer({ server });
        """;
    Endpoint e = JsSources.of("src/s.js", text).endpoint();
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "src/s.js", text,
        verifier("checkToken", "lib/auth.js", Verifier.Input.TOKEN, Verifier.Failure.RETURNS_FALSY, false))
        .orElseThrow());
    assertTrue(patched.contains("    user = token ? verify(token) : null;\n"), patched);
    assertEquals(1, patched.split("require\\('../lib/auth'\\)", -1).length - 1, patched);
  }

  @Test
  void keepsThePlaceholderForAVerifierOfAnotherAppTree() {
    String text = """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 9000 });
        """;
    Endpoint e = JsSources.of("apps/feed/src/s.js", text).endpoint();
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "apps/feed/src/s.js", text,
        verifier("verifyToken", "apps/admin/src/auth.js", Verifier.Input.TOKEN, Verifier.Failure.THROWS, false))
        .orElseThrow());
    assertTrue(patched.contains("const user = authenticateUpgrade(request);"), patched);
    assertFalse(patched.contains("verifyToken"), patched);
  }

  @Test
  void reachesAVerifierOnlyAsFarUpAsTheFilesOwnImports() {
    Verifier jwt = verifier("verifyToken", "src/auth/jwt.js", Verifier.Input.TOKEN, Verifier.Failure.THROWS, false);
    String reaching = """
        const { WebSocketServer } = require('ws');
        const config = require('../config');

        const wss = new WebSocketServer({ port: config.wsPort });
        """;
    Endpoint e = JsSources.of("src/ws/server.js", reaching).endpoint();
    String patched = apply(reaching, render(new FixIntent.AddUpgradeAuth(e), "src/ws/server.js", reaching, jwt)
        .orElseThrow());
    assertTrue(patched.contains("const { verifyToken } = require('../auth/jwt');"), patched);
    assertTrue(patched.contains("    user = token ? verifyToken(token) : null;"), patched);

    String local = """
        const { WebSocketServer } = require('ws');
        const rooms = require('./rooms');

        const wss = new WebSocketServer({ port: 9000 });
        """;
    Endpoint f = JsSources.of("src/ws/server.js", local).endpoint();
    String placeholder = apply(local, render(new FixIntent.AddUpgradeAuth(f), "src/ws/server.js", local, jwt)
        .orElseThrow());
    assertTrue(placeholder.contains("const user = authenticateUpgrade(request);"), placeholder);
  }
}
