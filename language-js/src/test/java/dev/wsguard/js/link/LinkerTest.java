package dev.wsguard.js.link;

import static dev.wsguard.js.JsSources.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.js.JsSources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkerTest {
  private static final String UPGRADE_WITH_HELPER = """
      const { WebSocketServer } = require('ws');
      %s
      const wss = new WebSocketServer({ noServer: true });
      server.on('upgrade', async (req, socket, head) => {
        const user = await %s(req.headers.authorization);
        if (!user) {
          socket.destroy();
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      });
      """;

  private static final String VERIFYING_HELPER = """
      const jwt = require('jsonwebtoken');
      function verifyToken(token) {
        try {
          return jwt.verify(token, process.env.SECRET);
        } catch {
          return null;
        }
      }
      """;

  private static String server(String importLine, String call) {
    return UPGRADE_WITH_HELPER.formatted(importLine, call);
  }

  @Test
  void verifiesThroughAHelperOfAnotherFile() {
    JsSources sources = JsSources.of("src/server.js", server("const { verifyToken } = require('./auth');",
        "verifyToken"))
        .with("src/auth.js", VERIFYING_HELPER + "module.exports = { verifyToken };\n");
    Endpoint e = sources.facts("src/server.js").endpoints().get(0);
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertTrue(g.related().stream().anyMatch(r -> r.location().path().equals("src/auth.js")), g.related().toString());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
  }

  @Test
  void aCallersCheckMustCatchTheFailureValueTheHelperReturns() {
    String helper = """
        const jwt = require('jsonwebtoken');
        function verifyToken(token) {
          try {
            return jwt.verify(token, process.env.SECRET);
          } catch {
            return FAILURE;
          }
        }
        """;
    String upgrade = """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          const user = verifyToken(req.headers.authorization);
          if (CHECK) {
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """;
    String[][] cases = {
      {"false", "user === null", "FAILS_OPEN"},
      {"false", "user == null", "FAILS_OPEN"},
      {"false", "!user", "VERIFIED"},
      {"null", "user === null", "VERIFIED"},
      {"null", "user == null", "VERIFIED"},
      {"undefined", "user === null", "FAILS_OPEN"},
      {"undefined", "user == undefined", "VERIFIED"},
      {"null", "typeof user === 'undefined'", "FAILS_OPEN"},
      {"undefined", "typeof user === 'undefined'", "VERIFIED"},
    };
    for (String[] c : cases) {
      Endpoint e = JsSources.of("server.js", helper.replace("FAILURE", c[0]) + upgrade.replace("CHECK", c[1]))
          .endpoint();
      assertEquals(Strength.valueOf(c[2]), auth(e, GuardPlace.HANDSHAKE).strength(), c[0] + " / " + c[1]);
    }
  }

  @Test
  void attachesTheHandlersAndSendsOfAnImportedMessageHandler() {
    JsSources sources = JsSources.of("src/server.js", """
        import { WebSocketServer } from 'ws';
        import { handleMessage } from './handlers.js';
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', async (data) => {
            let msg;
            try {
              msg = JSON.parse(data);
            } catch {
              return ws.close();
            }
            await handleMessage(wss, ws, msg, store);
          });
        });
        """).with("src/handlers.js", """
        export async function handleMessage(server, conn, msg, store) {
          switch (msg.type) {
            case 'card:move': {
              if (!(await store.isBoardMember(msg.boardId, conn.user.sub))) return;
              await store.moveCard(msg.boardId, msg.cardId);
              const board = await store.getBoard(msg.boardId);
              server.clients.forEach((c) => c.send(JSON.stringify({ type: 'board', board })));
              break;
            }
            case 'card:delete':
              await store.deleteCard(msg.cardId);
              conn.send(JSON.stringify({ type: 'deleted' }));
              break;
          }
        }
        """);
    Endpoint e = sources.facts("src/server.js").endpoints().get(0);
    MessageHandler move = e.handlers().stream().filter(h -> "card:move".equals(h.messageType())).findFirst()
        .orElseThrow();
    MessageHandler delete = e.handlers().stream().filter(h -> "card:delete".equals(h.messageType())).findFirst()
        .orElseThrow();
    assertEquals("src/handlers.js", delete.location().path());
    assertTrue(delete.privileged());
    assertEquals(PermissionCheck.ABSENT, delete.permissionCheck());
    assertEquals(PermissionCheck.PRESENT, move.permissionCheck());
    Send broadcast = e.sends().stream().filter(x -> x.audience() == Audience.ALL_CONNECTIONS).findFirst()
        .orElseThrow(() -> new AssertionError(e.sends().toString()));
    assertEquals("src/handlers.js", broadcast.location().path());
    assertEquals(Provenance.SENSITIVE, broadcast.provenance());
  }

  @Test
  void attachesNothingWhenTheImportedFunctionTakesTheConnectionElsewhere() {
    JsSources sources = JsSources.of("src/server.js", """
        import { WebSocketServer } from 'ws';
        import { handleMessage } from './handlers.js';
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', (data) => handleMessage(JSON.parse(data), ws));
        });
        """).with("src/handlers.js", """
        export function handleMessage(conn, msg) {
          if (msg.type === 'wipe') db.clear();
          conn.send('ok');
        }
        """);
    Endpoint e = sources.facts("src/server.js").endpoints().get(0);
    assertTrue(e.handlers().stream().noneMatch(h -> "wipe".equals(h.messageType())), e.handlers().toString());
  }

  @Test
  void marksTheHelpersTokenUseWithTheEndpoint() {
    JsSources sources = JsSources.of("src/server.js", server("const { verifyToken } = require('./auth');",
        "verifyToken"))
        .with("src/auth.js", VERIFYING_HELPER + "module.exports = { verifyToken };\n");
    Endpoint e = sources.facts("src/server.js").endpoints().get(0);
    TokenUse use = sources.facts("src/auth.js").tokenUses().get(0);
    assertEquals(e.declaration(), use.endpointDeclaration());
  }

  @Test
  void resolvesTypeScriptPathsWithoutExtensionAndEsmExports() {
    JsSources sources = JsSources.of("server.ts", server("import { verifyToken } from './auth';", "verifyToken"))
        .with("auth.ts", """
            import jwt from 'jsonwebtoken';
            export async function verifyToken(token: string) {
              try { return jwt.verify(token, KEY); } catch { return null; }
            }
            """);
    assertEquals(Strength.VERIFIED, auth(sources.facts("server.ts").endpoints().get(0), GuardPlace.HANDSHAKE)
        .strength());
  }

  @Test
  void resolvesAFolderToItsIndexThroughAReExport() {
    JsSources sources = JsSources.of("server.js", server("const { verifyToken } = require('./lib');",
        "verifyToken"))
        .with("lib/index.js", "export { verifyToken } from './verify';\n")
        .with("lib/verify.js", VERIFYING_HELPER.replace("const jwt = require", "import jwt from 'jsonwebtoken';\n//")
            + "export { verifyToken };\n");
    assertEquals(Strength.VERIFIED, auth(sources.facts("server.js").endpoints().get(0), GuardPlace.HANDSHAKE)
        .strength());
  }

  @Test
  void resolvesDefaultAndPropertyExports() {
    JsSources asDefault = JsSources.of("server.js", server("const verifyToken = require('./auth');", "verifyToken"))
        .with("auth.js", VERIFYING_HELPER + "module.exports = verifyToken;\n");
    JsSources asProperty = JsSources.of("server.js", server("const auth = require('./auth');", "auth.check"))
        .with("auth.js", VERIFYING_HELPER + "exports.check = verifyToken;\n");
    JsSources asEsmDefault = JsSources.of("server.mjs", server("import check from './auth.mjs';", "check"))
        .with("auth.mjs", VERIFYING_HELPER.replace("const jwt = require('jsonwebtoken');",
            "import jwt from 'jsonwebtoken';") + "export default verifyToken;\n");
    for (JsSources sources : List.of(asDefault, asProperty, asEsmDefault)) {
      Endpoint e = sources.link().stream().flatMap(f -> f.endpoints().stream()).findFirst().orElseThrow();
      assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    }
  }

  @Test
  void failsOpenWhenANullReturningHelperIsNotChecked() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { verifyToken } = require('./auth');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          req.user = verifyToken(req.headers.authorization);
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).with("auth.js", VERIFYING_HELPER + "module.exports = { verifyToken };\n");
    assertEquals(Strength.FAILS_OPEN, auth(sources.facts("server.js").endpoints().get(0), GuardPlace.HANDSHAKE)
        .strength());
  }

  @Test
  void failsOpenThroughAHelperThatFallsBackToDecoding() {
    JsSources sources = JsSources.of("server.js", server("const { authenticate } = require('./lib');",
        "authenticate"))
        .with("lib/index.js", """
            const jwt = require('jsonwebtoken');
            function authenticate(token) {
              if (!token) return null;
              try { return jwt.verify(token, KEY); } catch (err) { return jwt.decode(token); }
            }
            module.exports = { authenticate };
            """);
    assertEquals(Strength.FAILS_OPEN, auth(sources.facts("server.js").endpoints().get(0), GuardPlace.HANDSHAKE)
        .strength());
    assertTrue(sources.facts("lib/index.js").tokenUses().get(0).failureSwallowed());
  }

  @Test
  void decodedOnlyThroughAHelperThatDecodes() {
    JsSources sources = JsSources.of("server.js", server("const { userOf } = require('./auth');", "userOf"))
        .with("auth.js", """
            const jwt = require('jsonwebtoken');
            exports.userOf = (token) => jwt.decode(token);
            """);
    Endpoint e = sources.facts("server.js").endpoints().get(0);
    assertEquals(Strength.DECODED_ONLY, auth(e, GuardPlace.HANDSHAKE).strength());
    TokenUse decode = sources.facts("auth.js").tokenUses().get(0);
    assertTrue(decode.resultTrusted());
    assertEquals(e.declaration(), decode.endpointDeclaration());
  }

  @Test
  void reportsAnUnreadableHelperAsUnknown() {
    JsSources sources = JsSources.of("server.js", server("const { verifyToken } = require('./auth');",
        "verifyToken")).verbose();
    Endpoint e = sources.endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.UNKNOWN, g.strength());
    assertEquals(List.of("verifyToken is imported from './auth', which could not be read"), e.unknowns());
    List<Notification> notes = sources.linkNotifications();
    assertEquals(1, notes.size());
    assertEquals(Linker.UNRESOLVED_IMPORT, notes.get(0).id());
  }

  @Test
  void staysQuietAboutUnresolvedImportsUnlessVerbose() {
    JsSources sources = JsSources.of("server.js", server("const { verifyToken } = require('./auth');",
        "verifyToken"));
    sources.link();
    assertTrue(sources.linkNotifications().isEmpty());
  }

  @Test
  void readsAVerifyClientImportedFromAnotherFile() {
    JsSources sources = JsSources.of("server.js", """
        const WebSocket = require('ws');
        const { verifyClient } = require('./guards');
        const wss = new WebSocket.Server({ port: 8080, verifyClient });
        """).with("guards.js", """
        const jwt = require('jsonwebtoken');
        const ORIGINS = ['https://app.example.com'];
        exports.verifyClient = ({ origin, req }) => {
          if (!ORIGINS.includes(origin)) return false;
          try {
            jwt.verify(req.headers.authorization, KEY);
            return true;
          } catch {
            return false;
          }
        };
        """);
    Endpoint e = sources.facts("server.js").endpoints().get(0);
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
  }

  @Test
  void attachesAnUpgradeHandlerOfAnotherFileToTheExportedServer() {
    JsSources sources = JsSources.of("ws.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ noServer: true });
        module.exports = { wss };
        """).with("http.js", """
        const { wss } = require('./ws');
        const jwt = require('jsonwebtoken');
        server.on('upgrade', (req, socket, head) => {
          try {
            jwt.verify(req.headers.authorization, KEY);
          } catch {
            return socket.destroy();
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        wss.on('connection', (ws) => {
          ws.on('message', (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'purge') cache.purge(msg.key);
          });
        });
        """);
    Endpoint e = sources.facts("ws.js").endpoints().get(0);
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals("purge", e.handlers().get(0).messageType());
    assertTrue(sources.facts("http.js").endpoints().isEmpty());
    assertEquals(e.declaration(), sources.facts("http.js").tokenUses().get(0).endpointDeclaration());
  }

  @Test
  void leavesANoServerEndpointWithoutUpgradeHandlerUnguarded() {
    Endpoint e = JsSources.of("ws.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ noServer: true });
        module.exports = wss;
        """).endpoint();
    assertTrue(e.guards().isEmpty());
    assertFalse(e.unknowns().isEmpty());
  }

  @Test
  void keepsTokenUsesOffHandshakePathsUnmarked() {
    JsSources sources = JsSources.of("rest.js", """
        const jwt = require('jsonwebtoken');
        app.use((req, res, next) => { req.user = jwt.decode(req.headers.authorization); next(); });
        """);
    assertNull(sources.tokenUses().get(0).endpointDeclaration());
  }

  @Test
  void countsAnUnwiredHelperThatRejectsEveryRequestAsAGuard() {
    Endpoint e = JsSources.of("server.js", """
        const http = require('http');
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ noServer: true });
        const server = http.createServer();
        server.on('upgrade', (req, socket, head) => {
          const user = authenticateUpgrade(req);
          if (!user) {
            socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, user));
        });
        function authenticateUpgrade(req) {
          return null;
        }
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertTrue(g.related().stream().anyMatch(r -> r.message().contains("rejects every request")),
        g.related().toString());
  }

  @Test
  void doesNotCountARejectingHelperWhoseResultIsIgnored() {
    Endpoint e = JsSources.of("server.js", """
        const http = require('http');
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ noServer: true });
        const server = http.createServer();
        server.on('upgrade', (req, socket, head) => {
          authenticateUpgrade(req);
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        function authenticateUpgrade(req) {
          return false;
        }
        """).endpoint();
    assertFalse(e.authenticated(), e.guards().toString());
  }
}
