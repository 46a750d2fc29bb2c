package dev.wsguard.js.frameworks.ws;

import static dev.wsguard.js.JsSources.auth;
import static dev.wsguard.js.JsSources.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.JsSources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WsRecognizerTest {

  // ---- recognising servers ----

  @ParameterizedTest
  @ValueSource(strings = {
    "const WebSocket = require('ws');\nconst wss = new WebSocket.Server({ port: 8080 });",
    "const { WebSocketServer } = require('ws');\nconst wss = new WebSocketServer({ port: 8080 });",
    "const { Server } = require('ws');\nconst wss = new Server({ port: 8080 });",
    "const { Server: WsServer } = require('ws');\nconst wss = new WsServer({ port: 8080 });",
    "const Server = require('ws').Server;\nconst wss = new Server({ port: 8080 });",
    "import WebSocket from 'ws';\nconst wss = new WebSocket.Server({ port: 8080 });",
    "import WebSocket, { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 8080 });",
    "import { WebSocketServer as WSS } from 'ws';\nconst wss = new WSS({ port: 8080 });",
    "import * as ws from 'ws';\nconst wss = new ws.WebSocketServer({ port: 8080 });",
    "import * as ws from 'ws';\nconst wss = new ws.Server({ port: 8080 });",
    "const { WebSocket } = require('ws');\nconst wss = new WebSocket.Server({ port: 8080 });",
  })
  void recognisesEveryImportForm(String source) {
    JsSources sources = JsSources.of("server.js", source);
    Endpoint e = sources.endpoint();
    assertEquals(Framework.WS, e.framework());
    assertEquals(2, e.declaration().startLine());
    assertTrue(sources.text(e.declaration()).startsWith("new "), sources.text(e.declaration()));
  }

  @Test
  void ignoresServersOfOtherModules() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        class WebSocketServer {}
        const io = new Server(3000);
        const fake = new WebSocketServer();
        """);
    // the Socket.IO server is the Socket.IO recogniser's; ws must see neither
    assertTrue(sources.link().get(0).endpoints().stream().noneMatch(e -> e.framework() == Framework.WS));
  }

  @Test
  void readsTypeScriptWithItsTypes() {
    JsSources sources = JsSources.of("server.ts", """
        import { WebSocketServer, WebSocket } from 'ws';
        import type { IncomingMessage } from 'http';
        const wss: WebSocketServer = new WebSocketServer({ port: 8080 } as const);
        wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
          ws.send(JSON.stringify({ type: 'hello' }) as string);
        });
        """);
    Endpoint e = sources.endpoint();
    assertEquals(Language.TYPESCRIPT, e.language());
    assertEquals(Audience.THIS_CONNECTION, e.sends().get(0).audience());
  }

  @Test
  void pointsAtTheConstructorAfterAnEmojiWithUtf16Columns() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const label = '🚀'; const wss = new WebSocketServer({ port: 1 });
        """);
    Endpoint e = sources.endpoint();
    // the rocket is one code point, four UTF-8 bytes and two UTF-16 code units
    String line = "const label = '🚀'; const wss = ";
    assertEquals(line.length() + 1, e.declaration().startColumn());
    assertEquals("new WebSocketServer", sources.text(e.declaration()));
  }

  @Test
  void readsPathAndMaxPayloadOptions() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 8080, path: '/live', maxPayload: 64 * 1024 });
        """).endpoint();
    assertEquals(List.of("/live"), e.paths());
    assertEquals(65536L, e.limits().maxMessageBytes());
  }

  @Test
  void readsOptionsHeldInAConstant() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const options = { port: 8080, maxPayload: 1024 };
        const wss = new WebSocketServer(options);
        """).endpoint();
    assertEquals(1024L, e.limits().maxMessageBytes());
  }

  // ---- no authentication ----

  @Test
  void reportsNoGuardAndAnyOriginForAPortServer() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 8090 });
        wss.on('connection', (ws) => ws.send('hi'));
        """).endpoint();
    assertTrue(e.guards().isEmpty());
    assertTrue(e.credentials().isEmpty());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertFalse(e.authenticated());
  }

  // ---- upgrade handlers ----

  @Test
  void verifiesInAnUpgradeHandlerThatRejectsBeforeHandleUpgrade() {
    Endpoint e = JsSources.of("server.js", """
        const http = require('http');
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const server = http.createServer();
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          const token = (req.headers.authorization || '').replace('Bearer ', '');
          let user;
          try {
            user = jwt.verify(token, process.env.SECRET);
          } catch (err) {
            socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
    assertTrue(e.authenticated());
  }

  @Test
  void verifiesWhenHandleUpgradeSitsInsideTheVerifiedBranch() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { jwtVerify } = require('jose');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', async (req, socket, head) => {
          const token = new URL(req.url, 'http://x').searchParams.get('token');
          const verified = await isValid(token);
          if (verified) {
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
          } else {
            socket.destroy();
          }
        });
        async function isValid(token) {
          try {
            await jwtVerify(token, KEY);
            return true;
          } catch {
            return false;
          }
        }
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertEquals(Set.of(CredentialSource.QUERY_TOKEN), e.credentials());
  }

  @Test
  void verifiesInAVerifyCallbackThatChecksItsError() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          jwt.verify(req.headers['sec-websocket-protocol'], KEY, (err, user) => {
            if (err) {
              socket.destroy();
              return;
            }
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
          });
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(Set.of(CredentialSource.SUBPROTOCOL_TOKEN), e.credentials());
  }

  @Test
  void verifiesThroughALocalHelperThatReturnsNullOnFailure() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ noServer: true });
        function verifyToken(token) {
          try {
            return jwt.verify(token, KEY);
          } catch {
            return null;
          }
        }
        server.on('upgrade', async (req, socket, head) => {
          const user = await verifyToken(req.headers.authorization);
          if (!user) {
            socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');
            return socket.destroy();
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertFalse(g.related().isEmpty(), "the helper is evidence");
  }

  @Test
  void verifiesThroughAMiddlewareStyleHelperThatAnswersThroughNext() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        function authMiddleware(req, res, next) {
          const token = req.headers['x-token'];
          if (!token) return next(new Error('no token'));
          jwt.verify(token, KEY, (err, user) => {
            if (err) return next(err);
            req.user = user;
            next();
          });
        }
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          authMiddleware(req, {}, (err) => {
            if (err) return socket.destroy();
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
          });
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void failsOpenWhenAHelperReturningNullIsNotChecked() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ noServer: true });
        function verifyToken(token) {
          try { return jwt.verify(token, KEY); } catch { return null; }
        }
        server.on('upgrade', (req, socket, head) => {
          req.user = verifyToken(req.headers.authorization);
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void namesTheBranchThatReachesTheAcceptWithoutVerification() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          const { pathname, searchParams } = new URL(req.url, 'http://localhost');
          if (pathname === '/admin') {
            try {
              req.user = jwt.verify(searchParams.get('token'), KEY);
            } catch (err) {
              socket.destroy();
              return;
            }
          } else if (pathname !== '/feed') {
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """);
    HandshakeGuard g = auth(sources.endpoint(), GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.SOME_PATHS, g.coverage());
    assertEquals(List.of("pathname === '/feed'"), g.uncoveredPaths());
  }

  @Test
  void failsOpenWhenTheCatchCarriesOn() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          try {
            req.user = jwt.verify(req.headers.authorization, KEY);
          } catch (err) {
            console.warn('bad token', err);
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void failsOpenWhenAVerifyCallbackOnlyLogsItsError() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          jwt.verify(req.headers.authorization, KEY, (err, payload) => {
            if (err) console.error('ws auth failed:', err.message);
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
          });
        });
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void decodedOnlyWhenTheUpgradeHandlerDecodes() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { jwtDecode } = require('jwt-decode');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          const claims = jwtDecode(req.headers.authorization);
          if (!claims) return socket.destroy();
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(Strength.DECODED_ONLY, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void checksTheSessionAfterExpressSessionParsedTheUpgradeRequest() {
    Endpoint e = JsSources.of("server.js", """
        const session = require('express-session');
        const { WebSocketServer } = require('ws');
        const sessionParser = session({ secret: 's' });
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          sessionParser(req, {}, () => {
            if (!req.session.userId) {
              socket.write('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');
              socket.destroy();
              return;
            }
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
          });
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(Set.of(CredentialSource.HTTP_SESSION), e.credentials());
    assertTrue(e.ambientCredentials());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "const userId = req.session.userId;",
      "const userId: string | undefined = (req as Request).session?.userId;",
      "const { userId } = req.session;"})
  void checksAConstantCopyOfTheSessionField(String copy) {
    Endpoint e = JsSources.of("server.ts", """
        import session from 'express-session';
        import { WebSocketServer } from 'ws';
        const sessionParser = session({ secret: 's' });
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          sessionParser(req, {}, () => {
            %s
            if (!userId) {
              socket.destroy();
              return;
            }
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
          });
        });
        """.formatted(copy)).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void ignoresAVariableCopyOfTheSessionFieldThatCanChange() {
    Endpoint e = JsSources.of("server.js", """
        const session = require('express-session');
        const { WebSocketServer } = require('ws');
        const sessionParser = session({ secret: 's' });
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          sessionParser(req, {}, () => {
            let userId = req.session.userId;
            userId = userId || req.headers['x-user'];
            if (!userId) {
              socket.destroy();
              return;
            }
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
          });
        });
        """).endpoint();
    assertFalse(e.authenticated());
  }

  @Test
  void readsHttpBasicCredentialsCheckedWithAPasswordComparison() {
    Endpoint e = JsSources.of("server.js", """
        import { WebSocketServer } from 'ws';
        import auth from 'basic-auth';
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          const credentials = auth(req);
          if (!credentials || credentials.name !== USER || !validPassword(credentials.pass)) {
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(Set.of(CredentialSource.HTTP_AUTH), e.credentials());
  }

  @Test
  void keepsAnUpgradeHandlerWhoseOriginCheckOnlyTestsPresence() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          if (!req.headers.origin) {
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertTrue(e.originPolicy().detail().contains("present"), e.originPolicy().detail());
    assertTrue(e.guards(GuardKind.AUTHENTICATION).isEmpty());
  }

  @Test
  void readsAnOriginAllowListInTheUpgradeHandler() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const ALLOWED = ['https://app.example.com'];
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          if (!ALLOWED.includes(req.headers.origin)) {
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """);
    Endpoint e = sources.endpoint();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
    assertEquals(sources.line("server.js", "ALLOWED.includes"), e.originPolicy().location().startLine());
    assertEquals(1, e.guards(GuardKind.ORIGIN).size());
  }

  @Test
  void readsASessionStoreLookupAndTheBranchThatSkipsIt() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        import { parse as parseCookie } from 'cookie';
        import { sessionStore } from './session-store';
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', async (req, socket, head) => {
          if (process.env.NODE_ENV === 'development') {
            wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
            return;
          }
          const sid = parseCookie(req.headers.cookie ?? '').sid;
          const user = sid ? await sessionStore.get(sid) : undefined;
          if (!user) return socket.destroy();
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(List.of("process.env.NODE_ENV === 'development'"), g.uncoveredPaths());
    assertTrue(e.ambientCredentials());
  }

  @Test
  void readsSupabasesUserAndErrorEnvelope() {
    Endpoint e = JsSources.of("server.js", """
        import { WebSocketServer } from 'ws';
        import { createClient } from '@supabase/supabase-js';
        const supabase = createClient(URL, KEY);
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', async (req, socket, head) => {
          const token = new URL(req.url, 'http://x').searchParams.get('token');
          const { data: { user }, error } = await supabase.auth.getUser(token);
          if (error || !user) { socket.destroy(); return; }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(Coverage.ALL_PATHS, auth(e, GuardPlace.HANDSHAKE).coverage());
  }

  @Test
  void failsOpenWhenAResultReturningVerifyIsNotChecked() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        import { getToken } from 'next-auth/jwt';
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', async (req, socket, head) => {
          const token = await getToken({ req });
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, token));
        });
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void readsNextAuthsGetTokenAsACookieCheck() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        import { getToken } from 'next-auth/jwt';
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', async (req, socket, head) => {
          const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
          if (!token) { socket.destroy(); return; }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(Set.of(CredentialSource.COOKIE), e.credentials());
  }

  @Test
  void followsAPromisifiedVerifyThroughThenAndCatch() {
    Endpoint e = JsSources.of("server.js", """
        const { promisify } = require('util');
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const verifyJwt = promisify(jwt.verify);
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          verifyJwt(new URL(req.url, 'http://x').searchParams.get('access_token'), KEY)
            .then((claims) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
            .catch(() => socket.destroy());
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(Coverage.ALL_PATHS, auth(e, GuardPlace.HANDSHAKE).coverage());
  }

  @Test
  void verifiesThroughAMethodOfALocalClassInstance() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { decodeJwt } = require('jose');
        class TokenService {
          verify(token) {
            if (!token) return null;
            return decodeJwt(token);
          }
        }
        const tokens = new TokenService();
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          const claims = tokens.verify(req.headers.authorization);
          if (!claims) return socket.destroy();
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(Strength.DECODED_ONLY, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void readsAnOriginWithAFallbackValue() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        const TRUSTED = ['https://app.example.com'];
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          if (!TRUSTED.includes(req.headers.origin ?? '')) return socket.destroy();
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
  }

  @Test
  void treatsARoleRequiredAtTheHandshakeAsEveryHandlersCheck() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          let user;
          try { user = jwt.verify(req.headers.authorization, KEY); } catch { return socket.destroy(); }
          if (user.role !== 'admin') return socket.destroy();
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        wss.on('connection', (ws) => {
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.op === 'ban') await users.ban(msg.userId);
          });
        });
        """).endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "ban").permissionCheck());
  }

  // ---- verifyClient ----

  @Test
  void verifiesInASynchronousVerifyClient() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({
          port: 8080,
          verifyClient: ({ req }) => {
            try {
              req.user = jwt.verify(new URL(req.url, 'http://x').searchParams.get('token'), KEY);
              return true;
            } catch {
              return false;
            }
          },
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals("verifyClient", g.description());
    assertEquals(Set.of(CredentialSource.QUERY_TOKEN), e.credentials());
  }

  @Test
  void verifiesInACallbackVerifyClient() {
    Endpoint e = JsSources.of("server.js", """
        const WebSocket = require('ws');
        const cookie = require('cookie');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocket.Server({
          server,
          verifyClient: (info, cb) => {
            const { token } = cookie.parse(info.req.headers.cookie || '');
            if (!token) return cb(false, 401);
            jwt.verify(token, KEY, (err, claims) => {
              if (err) return cb(false, 401);
              info.req.user = claims;
              cb(true);
            });
          },
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(Set.of(CredentialSource.COOKIE), e.credentials());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void verifiesInAVerifyClientDeclaredAsAFunction() {
    Endpoint e = JsSources.of("server.js", """
        const WebSocket = require('ws');
        const jwt = require('jsonwebtoken');
        function verifyClient({ req }) {
          try {
            req.user = jwt.verify(req.headers.authorization, KEY);
            return true;
          } catch {
            return false;
          }
        }
        const wss = new WebSocket.Server({ port: 8080, verifyClient });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void treatsAnOriginOnlyVerifyClientAsAnOriginGuard() {
    JsSources sources = JsSources.of("server.js", """
        const WebSocket = require('ws');
        const ORIGINS = new Set(['https://ops.example.com']);
        const wss = new WebSocket.Server({ port: 1, verifyClient: (info) => ORIGINS.has(info.origin) });
        """);
    Endpoint e = sources.endpoint();
    assertTrue(e.guards(GuardKind.AUTHENTICATION).isEmpty());
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
    assertEquals(GuardKind.ORIGIN, e.guards().get(0).kind());
  }

  @Test
  void treatsAVerifyClientReturningTrueAsNothing() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        const wss = new WebSocketServer({
          port: 7071,
          verifyClient: (info: { origin: string }) => {
            console.log(info.origin);
            return true;
          },
        });
        """).endpoint();
    assertTrue(e.guards().isEmpty());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void decodedOnlyInAVerifyClientThatDecodes() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const ALLOWED = new Set(['https://app.example.com']);
        const wss = new WebSocketServer({
          port: 8080,
          verifyClient: ({ origin, req }) => {
            if (!ALLOWED.has(origin)) return false;
            const token = new URL(req.url, 'http://localhost').searchParams.get('token');
            return jwt.decode(token) !== null;
          },
        });
        """).endpoint();
    assertEquals(Strength.DECODED_ONLY, auth(e, GuardPlace.HANDSHAKE).strength());
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
  }

  @Test
  void anAsyncOneParameterVerifyClientAcceptsEveryConnection() {
    // ws tests the return value of a one-parameter verifyClient: an async function returns a Promise, always truthy
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { jwtVerify } = require('jose');
        const ALLOWED = new Set(['https://app.example.com']);
        const wss = new WebSocketServer({
          port: 8080,
          verifyClient: async ({ origin, req }) => {
            if (!ALLOWED.has(origin)) return false;
            try {
              await jwtVerify(req.headers.authorization, KEY);
              return true;
            } catch {
              return false;
            }
          },
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    // the exits that reject still reject, but the Promise-returning exit lets everyone in: the check covers only
    // some of the paths to the accept, so the endpoint counts as unauthenticated
    assertEquals(Coverage.SOME_PATHS, g.coverage(), g.toString());
    assertFalse(e.authenticated());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void aOneParameterVerifyClientReturningAPromiseAcceptsEveryConnection() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { jwtVerify } = require('jose');
        const wss = new WebSocketServer({
          port: 8080,
          verifyClient: ({ req }) => jwtVerify(req.headers.authorization, KEY).then(() => true, () => false),
        });
        """).endpoint();
    assertTrue(e.guards(GuardKind.AUTHENTICATION).stream().noneMatch(
        g -> g.strength() == Strength.VERIFIED && g.coverage() == Coverage.ALL_PATHS), e.guards().toString());
  }

  @Test
  void anAsyncVerifyClientWithACallbackStillDecidesByTheCallback() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { jwtVerify } = require('jose');
        const wss = new WebSocketServer({
          port: 8080,
          verifyClient: async ({ req }, done) => {
            try {
              await jwtVerify(req.headers.authorization, KEY);
              done(true);
            } catch {
              done(false, 401);
            }
          },
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
  }

  @Test
  void anApiKeyComparedInConstantTimeVerifies() {
    Endpoint e = JsSources.of("server.js", """
        const crypto = require('crypto');
        const { WebSocketServer } = require('ws');
        const KEY = Buffer.from(process.env.KEY || '');
        function keyMatches(presented) {
          const candidate = Buffer.from(presented || '');
          return KEY.length > 0 && candidate.length === KEY.length && crypto.timingSafeEqual(candidate, KEY);
        }
        const wss = new WebSocketServer({ noServer: true });
        server.on('upgrade', (req, socket, head) => {
          if (!keyMatches(req.headers['x-api-key'])) {
            socket.destroy();
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
  }

  @Test
  void aSessionLookupKeyedByTheCookieVerifiesInACallbackVerifyClient() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const cookie = require('cookie');
        const Redis = require('ioredis');
        const redis = new Redis();
        const wss = new WebSocketServer({
          port: 8080,
          verifyClient(info, done) {
            const { sid } = cookie.parse(info.req.headers.cookie || '');
            if (!sid) return done(false, 401);
            redis.hget(`sess:${sid}`, 'userId').then((userId) => {
              if (!userId) return done(false, 401);
              info.req.userId = userId;
              done(true);
            }, () => done(false, 500));
          },
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertTrue(e.credentials().contains(CredentialSource.COOKIE), e.credentials().toString());
  }

  @Test
  void anAwaitedSessionLookupVerifiesOnlyWhereItsResultIsChecked() {
    String checked = """
        const { WebSocketServer } = require('ws');
        const cookie = require('cookie');
        const wss = new WebSocketServer({
          port: 8080,
          verifyClient: async (info, done) => {
            const sid = cookie.parse(info.req.headers.cookie || '').sid;
            const session = await redis.get('sess:' + sid);
            CHECK
            done(true);
          },
        });
        """;
    Endpoint e = JsSources.of("server.js", checked.replace("CHECK", "if (!session) return done(false, 401);"))
        .endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    Endpoint unchecked = JsSources.of("server.js", checked.replace("CHECK", "")).endpoint();
    assertTrue(unchecked.guards(GuardKind.AUTHENTICATION).stream().noneMatch(
        g -> g.strength() == Strength.VERIFIED && g.coverage() == Coverage.ALL_PATHS), unchecked.guards().toString());
  }

  @Test
  void readsAnOriginWildcardListAsNoCheck() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const ALLOWED = ['*'];
        const wss = new WebSocketServer({ port: 1, verifyClient: ({ origin }) => ALLOWED.includes(origin) });
        """).endpoint();
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertTrue(e.originPolicy().detail().contains("lets every Origin in"), e.originPolicy().detail());
  }

  @Test
  void cannotReadAnOriginHelperFromAPackage() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { isTrustedOrigin } = require('@acme/security');
        const wss = new WebSocketServer({ port: 1, verifyClient: ({ origin }) => isTrustedOrigin(origin) });
        """).endpoint();
    assertEquals(OriginPolicy.Kind.UNKNOWN, e.originPolicy().kind());
  }

  // ---- connection handlers ----

  @Test
  void verifiesInTheConnectionHandlerClosingBeforeAnySend() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer, WebSocket } from 'ws';
        import jwt, { JwtPayload } from 'jsonwebtoken';
        const wss = new WebSocketServer({ server, path: '/board' });
        wss.on('connection', async (ws: WebSocket, req) => {
          const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
          let user: JwtPayload;
          try {
            user = jwt.verify(token ?? '', process.env.JWT_SECRET as string) as JwtPayload;
          } catch {
            ws.close(4401, 'unauthorized');
            return;
          }
          ws.send(JSON.stringify({ type: 'board', owner: user.sub }));
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.CONNECTION);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertEquals(Set.of(CredentialSource.QUERY_TOKEN), e.credentials());
  }

  @Test
  void failsOpenWhenTheConnectionHandlerSendsBeforeVerifying() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ port: 8081 });
        wss.on('connection', (ws, req) => {
          ws.send(JSON.stringify({ type: 'welcome' }));
          try {
            ws.user = jwt.verify(new URL(req.url, 'http://x').searchParams.get('t'), KEY);
          } catch (err) {
            ws.close(4401, 'invalid token');
            return;
          }
        });
        """);
    HandshakeGuard g = auth(sources.endpoint(), GuardPlace.CONNECTION);
    assertEquals(Strength.FAILS_OPEN, g.strength());
    assertEquals(sources.line("server.js", "type: 'welcome'"), g.evidence().startLine());
  }

  // ---- first-message authentication ----

  @Test
  void verifiesAFirstMessageThatGatesEveryType() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        import jwt from 'jsonwebtoken';
        const wss = new WebSocketServer({ port: 9000 });
        wss.on('connection', (ws) => {
          let user: { id: string } | null = null;
          ws.on('message', (data) => {
            const msg = JSON.parse(data.toString());
            if (!user) {
              if (msg.type !== 'auth') {
                ws.close(4401, 'auth first');
                return;
              }
              try {
                user = jwt.verify(msg.token, KEY) as { id: string };
              } catch {
                ws.close(4401, 'bad token');
                return;
              }
              return;
            }
            switch (msg.type) {
              case 'join':
                rooms.join(msg.room, ws);
                break;
            }
          });
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.FIRST_MESSAGE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertEquals(Set.of(CredentialSource.FIRST_MESSAGE_TOKEN), e.credentials());
    assertTrue(e.authenticated());
  }

  @Test
  void readsAnAuthenticatedFlagSetAfterTheVerification() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocketServer({ port: 9000 });
        wss.on('connection', (ws) => {
          let authenticated = false;
          ws.on('message', (raw) => {
            const msg = JSON.parse(raw);
            if (!authenticated) {
              try {
                jwt.verify(msg.token, KEY);
                authenticated = true;
              } catch {
                ws.close();
              }
              return;
            }
            if (msg.type === 'post') board.insert(msg.text);
          });
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.FIRST_MESSAGE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
  }

  @Test
  void failsOpenWhenTheFirstMessagesCatchSetsADefaultUser() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const admin = require('firebase-admin');
        const wss = new WebSocketServer({ port: 8080 });
        wss.on('connection', (ws) => {
          ws.once('message', async (data) => {
            try {
              ws.user = await admin.auth().verifyIdToken(JSON.parse(data).idToken);
            } catch (e) {
              ws.user = { uid: 'anonymous' };
            }
            ws.on('message', (raw) => relay(ws, raw));
          });
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.FIRST_MESSAGE);
    assertEquals(Strength.FAILS_OPEN, g.strength());
    assertTrue(e.unknowns().isEmpty(), e.unknowns().toString());
  }

  @Test
  void coversSomePathsWhenTypesAreHandledBeforeAuthentication() {
    Endpoint e = JsSources.of("server.js", """
        const WebSocket = require('ws');
        const jwt = require('jsonwebtoken');
        const wss = new WebSocket.Server({ port: 8787 });
        wss.on('connection', (ws) => {
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'auth') {
              try {
                ws.user = jwt.verify(msg.token, KEY);
              } catch (e) {
                ws.close(4401, 'bad token');
              }
              return;
            }
            switch (msg.type) {
              case 'history':
                ws.send('[]');
                break;
              case 'set-status':
                await db.users.update(msg.userId, { status: msg.status });
                break;
            }
          });
        });
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.FIRST_MESSAGE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.SOME_PATHS, g.coverage());
    assertEquals(List.of("msg.type === 'history'", "msg.type === 'set-status'"), g.uncoveredPaths());
    assertFalse(e.authenticated());
  }

  // ---- message handlers ----

  @Test
  void splitsASwitchIntoOneHandlerPerTypeAtItsCase() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const fs = require('fs');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (socket) => {
          socket.on('message', async (raw) => {
            const msg = JSON.parse(raw.toString());
            switch (msg.cmd) {
              case 'read':
                socket.send(await fs.promises.readFile(msg.path, 'utf8'));
                break;
              case 'write':
                await fs.promises.writeFile(msg.path, msg.body);
                break;
            }
          });
        });
        """);
    Endpoint e = sources.endpoint();
    assertEquals(2, e.handlers().size());
    MessageHandler read = handler(e, "read");
    MessageHandler write = handler(e, "write");
    assertFalse(read.privileged());
    assertTrue(write.privileged());
    assertEquals(PermissionCheck.ABSENT, write.permissionCheck());
    assertEquals(sources.line("server.js", "case 'write':"), write.location().startLine());
    assertEquals("case 'write':", sources.text(write.location()).substring(0, 13));
  }

  @Test
  void splitsIfChainsOnTheMessageType() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', (raw) => {
            const { type, id } = JSON.parse(raw);
            if (type === 'ping') {
              ws.send('pong');
            } else if ('delete' === type) {
              store.remove(id);
            }
          });
        });
        """).endpoint();
    assertEquals(List.of("ping", "delete"), e.handlers().stream().map(MessageHandler::messageType).toList());
    assertTrue(handler(e, "delete").privileged());
    assertEquals("id", handler(e, "delete").clientSuppliedId());
  }

  @Test
  void checksOwnershipPerBranchOfAnIfElseChain() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws, req) => {
          ws.user = req.user;
          ws.on('message', async (raw) => {
            const { type, payload } = JSON.parse(raw);
            if (type === 'org:update') {
              if (ws.user.orgId !== payload.orgId) return;
              await orgs.updateSettings(payload.orgId, payload.settings);
            } else if (type === 'org:invite') {
              await orgs.invite(payload.orgId, payload.email);
            } else if (type === 'session:revoke') {
              await redis.del(`session:${payload.sessionId}`);
            }
          });
        });
        """).endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "org:update").permissionCheck());
    // inviting into an org and deleting a stored key (redis del) change state: privileged, and unchecked here
    assertTrue(handler(e, "org:invite").privileged());
    assertEquals(PermissionCheck.ABSENT, handler(e, "org:invite").permissionCheck());
    assertTrue(handler(e, "session:revoke").privileged());
    assertEquals(PermissionCheck.ABSENT, handler(e, "session:revoke").permissionCheck());
  }

  @Test
  void splitsAHandlerMapIntoItsTypes() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        const handlers = {
          subscribe(ws, msg) { topics.add(msg.topic, ws); },
          purge: async (ws, msg) => { await cache.purge(msg.key); },
        };
        wss.on('connection', (ws) => {
          ws.on('message', (raw) => {
            const msg = JSON.parse(raw);
            handlers[msg.type]?.(ws, msg);
          });
        });
        """);
    Endpoint e = sources.endpoint();
    assertEquals(List.of("subscribe", "purge"), e.handlers().stream().map(MessageHandler::messageType).toList());
    assertTrue(handler(e, "purge").privileged());
    assertEquals(sources.line("server.js", "purge: async"), handler(e, "purge").location().startLine());
  }

  @Test
  void reportsANonDispatchingHandlerAtItsRegistration() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.onmessage = (event) => {
            db.notes.insert({ text: event.data });
          };
          ws.addEventListener('message', (event) => console.log(event.data));
        });
        """);
    Endpoint e = sources.endpoint();
    assertEquals(2, e.handlers().size());
    MessageHandler first = e.handlers().get(0);
    assertNull(first.messageType());
    assertTrue(first.privileged());
    assertEquals(sources.line("server.js", "ws.onmessage"), first.location().startLine());
    assertFalse(e.handlers().get(1).privileged());
  }

  @Test
  void saysWhenAMessageHandlerCannotBeRead() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { onMessage } = require('@acme/handlers');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => ws.on('message', onMessage));
        """).endpoint();
    assertTrue(e.handlers().isEmpty());
    assertEquals(List.of("the message handler onMessage is defined where wsguard did not read it"), e.unknowns());
  }

  @Test
  void findsARoleCheckBeforeTheAction() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            switch (msg.type) {
              case 'cancel-order':
                if (!ws.user || ws.user.role !== 'admin') return;
                await orders.cancel(msg.orderId);
                break;
            }
          });
        });
        """).endpoint();
    MessageHandler h = handler(e, "cancel-order");
    assertEquals(PermissionCheck.PRESENT, h.permissionCheck());
    assertNull(h.clientSuppliedId());
  }

  @Test
  void findsAnOwnershipCheckBeforeTheAction() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws, req) => {
          const me = req.user;
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'remove-comment') {
              const comment = await db.comments.get(msg.commentId);
              if (!comment || comment.authorId !== me.sub) return;
              await db.comments.delete(comment.id);
            }
          });
        });
        """).endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "remove-comment").permissionCheck());
  }

  @Test
  void reportsAClientSuppliedIdWithoutACheck() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'delete-account') await db.users.delete(msg.userId);
          });
        });
        """).endpoint();
    MessageHandler h = handler(e, "delete-account");
    assertEquals(PermissionCheck.ABSENT, h.permissionCheck());
    assertEquals("msg.userId", h.clientSuppliedId());
    assertEquals("calls db.users.delete", h.privilegedAction());
  }

  @Test
  void treatsAnActionOnTheUsersOwnRecordAsChecked() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws, req) => {
          const me = req.user;
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'update-profile') await db.users.update(me.sub, { bio: msg.bio });
          });
        });
        """).endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "update-profile").permissionCheck());
  }

  @Test
  void findsAClientSuppliedIdInsideAWhereClause() {
    Endpoint e = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', async (raw) => {
            const { action, id } = JSON.parse(String(raw));
            if (action === 'delete') await prisma.post.delete({ where: { id } });
          });
        });
        """).endpoint();
    assertEquals("id", handler(e, "delete").clientSuppliedId());
  }

  @Test
  void treatsAQueryScopedToTheUserAsChecked() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.action === 'markRead') {
              await db.query('UPDATE notes SET read = true WHERE id = $1 AND user_id = $2', [msg.id, ws.userId]);
            } else if (msg.action === 'rename') {
              await db.query('UPDATE users SET name = $1 WHERE id = $2', [msg.name, msg.userId]);
            }
          });
        });
        """).endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "markRead").permissionCheck());
    assertEquals("msg.userId", handler(e, "rename").clientSuppliedId());
  }

  @Test
  void cannotTellWhenAnUnreadableHelperChecksTheUser() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const { enforcePolicy } = require('@acme/acl');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'drop') {
              if (!(await enforcePolicy(ws.user, 'drop'))) return;
              await tables.drop(msg.table);
            }
          });
        });
        """).endpoint();
    assertEquals(PermissionCheck.UNKNOWN, handler(e, "drop").permissionCheck());
  }

  @Test
  void treatsClosingAnotherUsersConnectionAsPrivileged() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const connections = new Map();
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'kick') connections.get(msg.target)?.close(4000, 'kicked');
            if (msg.type === 'bye') ws.close();
          });
        });
        """).endpoint();
    assertTrue(handler(e, "kick").privileged());
    assertFalse(handler(e, "bye").privileged());
  }

  @Test
  void aBroadcastHelperHandedTheServerSendsToEveryConnection() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer, WebSocket } = require('ws');
        function broadcast(server, message) {
          server.clients.forEach((client) => {
            if (client.readyState === WebSocket.OPEN) client.send(message);
          });
        }
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', async () => {
            const session = await redis.hgetall('session:' + ws.sessionId);
            broadcast(wss, JSON.stringify({ type: 'session', session }));
          });
        });
        """).endpoint();
    Send send = e.sends().get(0);
    assertEquals(Audience.ALL_CONNECTIONS, send.audience());
    assertEquals(Provenance.SENSITIVE, send.provenance());
  }

  @Test
  void followsAConnectionHandlerThatHandsTheSocketToAMethod() {
    Endpoint e = JsSources.of("hub.ts", """
        import { WebSocketServer, WebSocket } from 'ws';
        export class Hub {
          private wss: WebSocketServer;
          constructor(port: number) {
            this.wss = new WebSocketServer({ port });
            this.wss.on('connection', (ws, req) => this.onConnection(req, ws));
          }
          private onConnection(req: unknown, ws: WebSocket) {
            ws.on('message', (raw) => {
              const msg = JSON.parse(raw.toString());
              if (msg.type === 'wipe') this.db.clear();
            });
          }
          broadcast(data: unknown) {
            this.wss.clients.forEach((c) => c.send(JSON.stringify(data)));
          }
        }
        """).endpoint();
    assertTrue(handler(e, "wipe").privileged());
    assertEquals(Audience.ALL_CONNECTIONS, e.sends().get(0).audience());
  }

  @Test
  void followsAHandlerThatHandsTheMessageToAFunction() {
    JsSources sources = JsSources.of("server.ts", """
        import { WebSocketServer } from 'ws';
        const wss = new WebSocketServer({ port: 9100 });
        wss.on('connection', (ws) => {
          ws.on('message', (raw) => handle(ws, JSON.parse(raw.toString())));
        });
        async function handle(ws, msg) {
          switch (msg.type) {
            case 'transfer':
              await ledger.transfer(msg.from, msg.to, msg.amount);
              break;
          }
        }
        """);
    MessageHandler h = handler(sources.endpoint(), "transfer");
    assertTrue(h.privileged());
    assertEquals(sources.line("server.ts", "case 'transfer'"), h.location().startLine());
  }

  // ---- sends ----

  @Test
  void sendsToEveryClientInAClientsLoop() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        setInterval(async () => {
          const book = await orders.openOrdersWithClients();
          for (const client of wss.clients) {
            client.send(JSON.stringify({ type: 'book', book }));
          }
          wss.clients.forEach((c) => c.send(JSON.stringify({ now: Date.now() })));
        }, 1000);
        """);
    List<Send> sends = sources.endpoint().sends();
    assertEquals(2, sends.size());
    assertEquals(Audience.ALL_CONNECTIONS, sends.get(0).audience());
    assertEquals(Provenance.SENSITIVE, sends.get(0).provenance());
    assertEquals(Audience.ALL_CONNECTIONS, sends.get(1).audience());
    assertEquals(Provenance.PUBLIC, sends.get(1).provenance());
    assertEquals(sources.line("server.js", "client.send("), sends.get(0).location().startLine());
  }

  @Test
  void skipsTheSenderAndRelaysItsMessage() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer, WebSocket } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws, req) => {
          const { userId, displayName } = req.session;
          ws.on('message', (data) => {
            const text = data.toString().slice(0, 1000);
            wss.clients.forEach((client) => {
              if (client !== ws && client.readyState === WebSocket.OPEN) {
                client.send(JSON.stringify({ userId, displayName, text }));
              }
            });
          });
        });
        """).endpoint();
    Send s = e.sends().get(0);
    assertEquals(Audience.ALL_BUT_SENDER, s.audience());
    assertEquals(Provenance.ECHO, s.provenance());
  }

  @Test
  void narrowsALoopFilteredByAClientProperty() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        feed.on('fill', (fill) => {
          for (const client of wss.clients) {
            if (client.user.sub === fill.accountId) client.send(JSON.stringify(fill));
          }
          wss.clients.forEach((client) => {
            if (client.docId === fill.docId) client.send('changed');
          });
        });
        """).endpoint();
    assertEquals(Audience.ONE_USER, e.sends().get(0).audience());
    assertEquals(Audience.ROOM, e.sends().get(1).audience());
  }

  @Test
  void sendsToOneUserThroughAMapOfSockets() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const sockets = new Map();
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws, req) => {
          sockets.set(req.user.id, ws);
          ws.on('message', (raw) => {
            const msg = JSON.parse(raw);
            sockets.get(msg.to)?.send(JSON.stringify({ from: req.user.id, text: msg.text }));
            ws.send('sent');
          });
        });
        """).endpoint();
    assertEquals(Audience.ONE_USER, e.sends().get(0).audience());
    assertEquals(Audience.THIS_CONNECTION, e.sends().get(1).audience());
  }

  @Test
  void sendsToEveryoneThroughASetEveryConnectionJoins() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const clients = new Set();
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          clients.add(ws);
          ws.on('close', () => clients.delete(ws));
        });
        function broadcast(data) {
          for (const c of clients) c.send(data);
        }
        broadcast(JSON.stringify(users));
        """).endpoint();
    Send s = e.sends().get(0);
    assertEquals(Audience.ALL_CONNECTIONS, s.audience());
    assertEquals(Provenance.SENSITIVE, s.provenance());
    assertEquals("JSON.stringify(users)", s.payload());
  }

  @Test
  void takesABroadcastHelpersPayloadFromItsWorstCaller() {
    JsSources sources = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        function broadcast(data) {
          wss.clients.forEach((client) => client.send(data));
        }
        broadcast(JSON.stringify({ type: 'tick', price }));
        broadcast(JSON.stringify({ type: 'sessions', sessions: sessionStore.all() }));
        """);
    Send s = sources.endpoint().sends().get(0);
    assertEquals(Audience.ALL_CONNECTIONS, s.audience());
    assertEquals(Provenance.SENSITIVE, s.provenance());
    assertEquals(sources.line("server.js", "client.send(data)"), s.location().startLine());
  }

  @Test
  void looksThroughSerialisationInsideABroadcastHelper() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const wss = new WebSocketServer({ port: 1 });
        function broadcast(payload) {
          for (const c of wss.clients) c.send(JSON.stringify(payload));
        }
        broadcast({ type: 'online', count: wss.clients.size });
        async function refresh() {
          const { rows } = await db.query('SELECT * FROM users');
          broadcast({ type: 'directory', users: rows });
        }
        """).endpoint();
    assertEquals(Provenance.SENSITIVE, e.sends().get(0).provenance());
    assertEquals("{ type: 'directory', users: rows }", e.sends().get(0).payload());
  }

  @Test
  void sendsToARoom() {
    Endpoint e = JsSources.of("server.js", """
        const { WebSocketServer } = require('ws');
        const rooms = new Map();
        const wss = new WebSocketServer({ port: 1 });
        wss.on('connection', (ws) => {
          ws.on('message', (raw) => {
            const msg = JSON.parse(raw);
            rooms.get(msg.room).forEach((peer) => peer.send(msg.text));
          });
        });
        """).endpoint();
    assertEquals(Audience.ROOM, e.sends().get(0).audience());
    assertEquals(Provenance.ECHO, e.sends().get(0).provenance());
  }
}
