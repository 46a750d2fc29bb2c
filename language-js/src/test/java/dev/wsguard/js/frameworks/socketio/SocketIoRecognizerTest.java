package dev.wsguard.js.frameworks.socketio;

import static dev.wsguard.js.JsSources.auth;
import static dev.wsguard.js.JsSources.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
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

class SocketIoRecognizerTest {

  private static final String VERIFY_MIDDLEWARE = """
      io.use((socket, next) => {
        try {
          socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.SECRET);
          next();
        } catch (err) {
          next(new Error('unauthorized'));
        }
      });
      """;

  private static List<Endpoint> endpoints(JsSources sources, String path) {
    return sources.facts(path).endpoints();
  }

  private static Endpoint namespace(JsSources sources, String path, String name) {
    return endpoints(sources, path).stream().filter(e -> e.paths().contains(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no namespace " + name));
  }

  private static Send sendAt(Endpoint e, JsSources sources, String needle) {
    int line = sources.line(e.declaration().path(), needle);
    return e.sends().stream().filter(s -> s.location().startLine() == line).findFirst()
        .orElseThrow(() -> new AssertionError("no send on line " + line + " in " + e.sends()));
  }

  // ---- recognising servers ----

  @ParameterizedTest
  @ValueSource(strings = {
    "const { Server } = require('socket.io');\nconst io = new Server(3000);",
    "const { Server: IOServer } = require('socket.io');\nconst io = new IOServer(httpServer, { cors: {} });",
    "import { Server } from 'socket.io';\nconst io = new Server(httpServer);",
    "import { Server as IOServer } from 'socket.io';\nconst io = new IOServer();",
    "const http = require('http');\nconst io = require('socket.io')(http.createServer());",
    "const socketIo = require('socket.io');\nconst io = socketIo(3000, { path: '/rt' });",
    "import SocketIO from 'socket.io';\nconst io = new SocketIO(server);",
    "const sio = require('socket.io');\nconst io = sio.listen(server);",
  })
  void recognisesEveryCreationForm(String source) {
    JsSources sources = JsSources.of("server.js", source);
    Endpoint e = sources.endpoint();
    assertEquals(Framework.SOCKET_IO, e.framework());
    assertEquals(2, e.declaration().startLine());
  }

  @Test
  void pointsAtNewServerAndAtTheRequireCall() {
    JsSources a = JsSources.of("a.js", "const { Server } = require('socket.io');\nconst io = new Server(3000);\n");
    assertEquals("new Server", a.text(a.endpoint().declaration()));
    JsSources b = JsSources.of("b.js", "const io = require('socket.io')(3000);\n");
    assertEquals("require('socket.io')", b.text(b.endpoint().declaration()));
  }

  @Test
  void ignoresServerClassesOfOtherModules() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('ws');
        const net = require('net');
        const wss = new Server({ port: 1 });
        const tcp = net.createServer();
        """);
    assertTrue(endpoints(sources, "server.js").stream().noneMatch(e -> e.framework() == Framework.SOCKET_IO));
  }

  @Test
  void anExpressAppImportedBesideSocketIoIsNoServer() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const app = require('./app');
        app.use((req, res, next) => next());
        app.emit('ready', { port: 3000 });
        const io = new Server(3000);
        """).with("app.js", """
        const express = require('express');
        const app = express();
        module.exports = app;
        """);
    Endpoint e = sources.endpoint();
    assertTrue(e.guards().isEmpty());
    assertTrue(e.sends().isEmpty());
  }

  @Test
  void aSocketIoClientIsNoEndpoint() {
    JsSources sources = JsSources.of("client.js", """
        import { io } from 'socket.io-client';
        const socket = io('https://chat.example.com', { auth: { token: localStorage.token } });
        socket.on('connect', () => socket.emit('join', 'lobby'));
        socket.on('message', (m) => render(m));
        """);
    assertTrue(sources.facts("client.js").endpoints().isEmpty());
  }

  // ---- namespaces ----

  @Test
  void ioUseCoversTheMainNamespaceOnly() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        """ + VERIFY_MIDDLEWARE + """
        const admin = io.of('/admin');
        admin.on('connection', (socket) => socket.emit('hello', 'admin'));
        io.of('/admin').emit('notice', 'maintenance');
        """);
    List<Endpoint> all = endpoints(sources, "server.js");
    assertEquals(2, all.size(), "two io.of('/admin') calls are one namespace");
    Endpoint main = all.get(0);
    assertEquals(Framework.SOCKET_IO, main.framework());
    assertTrue(main.authenticated());
    assertEquals(Set.of(CredentialSource.FIRST_MESSAGE_TOKEN), main.credentials());
    Endpoint admin = namespace(sources, "server.js", "/admin");
    assertEquals(Framework.SOCKET_IO_NAMESPACE, admin.framework());
    assertEquals("io.of", sources.text(admin.declaration()));
    assertFalse(admin.authenticated());
    assertTrue(admin.guards().isEmpty());
    assertEquals(Audience.ALL_CONNECTIONS, sendAt(admin, sources, "maintenance").audience());
  }

  @Test
  void namespaceMiddlewareAndChainedRegistrationsCoverTheirNamespace() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        io.of('/admin')
          .use((socket, next) => {
            const claims = jwt.verify(socket.handshake.auth.token, process.env.SECRET);
            if (claims.role !== 'admin') return next(new Error('forbidden'));
            socket.data.claims = claims;
            next();
          })
          .on('connection', (socket) => {
            socket.on('user:delete', (userId) => db.users.delete(userId));
          });
        """);
    Endpoint admin = namespace(sources, "server.js", "/admin");
    assertTrue(admin.authenticated());
    assertEquals(GuardPlace.HANDSHAKE, auth(admin, GuardPlace.HANDSHAKE).place());
    // only admins get through the namespace's middleware
    assertEquals(PermissionCheck.PRESENT, handler(admin, "user:delete").permissionCheck());
    assertFalse(endpoints(sources, "server.js").get(0).authenticated());
  }

  @Test
  void engineMiddlewareAndAllowRequestCoverEveryNamespace() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const session = require('express-session');
        const sessionMiddleware = session({ secret: 's' });
        const ALLOWED = ['https://app.example.com'];
        const io = new Server(httpServer, {
          allowRequest: (req, callback) => callback(null, ALLOWED.includes(req.headers.origin)),
        });
        io.engine.use(sessionMiddleware);
        io.engine.use((req, res, next) => {
          if (!req.session.userId) {
            res.writeHead(401);
            return res.end();
          }
          next();
        });
        io.of('/orders').on('connection', (socket) => socket.emit('hi', 'there'));
        """);
    for (Endpoint e : endpoints(sources, "server.js")) {
      assertTrue(e.authenticated(), e.framework() + " " + e.guards());
      assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
      assertTrue(e.credentials().contains(CredentialSource.HTTP_SESSION), e.credentials().toString());
    }
    assertEquals(2, endpoints(sources, "server.js").size());
  }

  @Test
  void allowRequestThatAlwaysSucceedsChecksNoOrigin() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const io = new Server(3000, {
          allowRequest: (req, callback) => {
            const origin = req.headers.origin;
            if (!origin) console.warn('no origin');
            callback(null, true);
          },
        });
        """).endpoint();
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void corsOptionIsNoOriginCheck() {
    Endpoint e = JsSources.of("server.js", """
        import { Server } from 'socket.io';
        const io = new Server(3000, { cors: { origin: ['https://app.example.com'], credentials: true } });
        io.on('connection', (socket) => socket.emit('hello', 'world'));
        """).endpoint();
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  // ---- middleware semantics ----

  @Test
  void middlewareThatCallsNextAfterACaughtFailureFailsOpen() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        io.use((socket, next) => {
          try {
            socket.user = jwt.verify(socket.handshake.query.token, 'k');
          } catch (e) {
            socket.user = null;
          }
          next();
        });
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
    assertFalse(e.authenticated());
  }

  @Test
  void middlewareVerifyingOnSomePathsOnlyLeavesTheOthersOpen() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        io.use((socket, next) => {
          if (socket.handshake.query.guest === '1') return next();
          jwt.verify(socket.handshake.auth.token, 'k', (err, user) => {
            if (err) return next(err);
            socket.user = user;
            next();
          });
        });
        """).endpoint();
    assertEquals(Coverage.SOME_PATHS, auth(e, GuardPlace.HANDSHAKE).coverage());
  }

  @Test
  void middlewareHelperGivenNextDecidesWhereItIsCalled() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        function check(socket, done) {
          try {
            socket.user = jwt.verify(socket.handshake.headers.authorization, 'k');
            done();
          } catch (err) {
            done(new Error('no'));
          }
        }
        io.use((socket, next) => check(socket, next));
        """).endpoint();
    assertTrue(e.authenticated());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
  }

  @Test
  void importedMiddlewareIsDecidedFromItsModule() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const { requireUser } = require('./auth');
        const io = new Server(3000);
        io.use(requireUser);
        """).with("auth.js", """
        const jwt = require('jsonwebtoken');
        exports.requireUser = (socket, next) => {
          jwt.verify(socket.handshake.auth.token, process.env.SECRET, (err, user) => {
            if (err) return next(new Error('unauthorized'));
            socket.user = user;
            next();
          });
        };
        """);
    assertTrue(endpoints(sources, "server.js").get(0).authenticated());
  }

  @Test
  void importedMiddlewareThatLetsFailuresThroughDoesNotAuthenticate() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const { attachUser } = require('./auth');
        const io = new Server(3000);
        io.use(attachUser);
        """).with("auth.js", """
        const jwt = require('jsonwebtoken');
        exports.attachUser = (socket, next) => {
          try {
            socket.user = jwt.verify(socket.handshake.auth.token, process.env.SECRET);
          } catch (e) {
            socket.user = { anonymous: true };
          }
          next();
        };
        """);
    assertFalse(endpoints(sources, "server.js").get(0).authenticated());
  }

  @Test
  void packageMiddlewareIsUnknown() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const { authorize } = require('@thream/socketio-jwt');
        const io = new Server(3000);
        io.use(authorize({ secret: process.env.SECRET }));
        """).endpoint();
    assertEquals(Strength.UNKNOWN, auth(e, GuardPlace.HANDSHAKE).strength());
    assertFalse(e.unknowns().isEmpty());
  }

  @Test
  void sessionWrappedForIoUseIsAnAmbientCredential() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const session = require('express-session');
        const sessionMiddleware = session({ secret: 's' });
        const io = new Server(3000);
        const wrap = (middleware) => (socket, next) => middleware(socket.request, {}, next);
        io.use(wrap(sessionMiddleware));
        io.use((socket, next) => {
          const { user } = socket.request.session;
          if (!user) return next(new Error('unauthorized'));
          next();
        });
        """).endpoint();
    assertTrue(e.authenticated());
    assertTrue(e.ambientCredentials());
  }

  // ---- connection handler and first message ----

  @Test
  void disconnectingBeforeServingAuthenticatesInTheConnectionHandler() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          let user;
          try {
            user = jwt.verify(socket.handshake.auth.token, 'k');
          } catch (e) {
            return socket.disconnect(true);
          }
          socket.join(user.sub);
        });
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.CONNECTION).strength());
    assertTrue(e.authenticated());
  }

  @Test
  void emittingBeforeVerifyingFailsOpen() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          socket.emit('rooms', listRooms());
          if (!jwt.verify(socket.handshake.auth.token, 'k')) return socket.disconnect();
          socket.on('join', (room) => socket.join(room));
        });
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.CONNECTION).strength());
  }

  @Test
  void authenticateEventGatesOnlyWhatWaitsForIt() {
    JsSources gated = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          socket.on('authenticate', ({ token }) => {
            try {
              socket.user = jwt.verify(token, 'k');
            } catch (e) {
              return socket.disconnect(true);
            }
            socket.on('order', (o) => placeOrder(socket.user.sub, o));
          });
          socket.on('status', (ack) => {
            if (!socket.user) return;
            ack(statusOf(socket.user.sub));
          });
        });
        """);
    Endpoint e = gated.endpoint();
    assertEquals(GuardPlace.FIRST_MESSAGE, auth(e, GuardPlace.FIRST_MESSAGE).place());
    assertTrue(e.authenticated(), e.guards().toString());
    assertTrue(e.credentials().contains(CredentialSource.FIRST_MESSAGE_TOKEN));

    Endpoint open = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          socket.on('authenticate', ({ token }) => {
            socket.user = jwt.verify(token, 'k');
          });
          socket.on('history', async (room) => {
            socket.emit('history', await loadHistory(room));
          });
        });
        """).endpoint();
    assertEquals(Coverage.SOME_PATHS, auth(open, GuardPlace.FIRST_MESSAGE).coverage());
    assertFalse(open.authenticated());
  }

  // ---- sends ----

  @Test
  void readsTheAudienceOfEveryEmitForm() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          io.emit('all', stats);
          io.sockets.emit('all-sockets', stats);
          io.local.volatile.compress(true).emit('all-local', stats);
          socket.broadcast.emit('others', stats);
          io.to(room).emit('room', stats);
          socket.to(room).emit('room-others', stats);
          io.to(`user:${socket.data.userId}`).emit('mine', stats);
          io.to(order.userId).emit('owner', stats);
          io.to(socket.id).emit('self', stats);
          socket.emit('direct', stats);
          io.timeout(500).except('banned').emit('except', stats);
          socket.on('ask', (q, ack) => ack(stats));
          io.emit('ping');
        });
        """);
    Endpoint e = sources.endpoint();
    assertEquals(Audience.ALL_CONNECTIONS, sendAt(e, sources, "'all'").audience());
    assertEquals(Audience.ALL_CONNECTIONS, sendAt(e, sources, "'all-sockets'").audience());
    assertEquals(Audience.ALL_CONNECTIONS, sendAt(e, sources, "'all-local'").audience());
    assertEquals(Audience.ALL_BUT_SENDER, sendAt(e, sources, "'others'").audience());
    assertEquals(Audience.ROOM, sendAt(e, sources, "'room'").audience());
    assertEquals(Audience.ROOM, sendAt(e, sources, "'room-others'").audience());
    assertEquals(Audience.ONE_USER, sendAt(e, sources, "'mine'").audience());
    assertEquals(Audience.ONE_USER, sendAt(e, sources, "'owner'").audience());
    assertEquals(Audience.THIS_CONNECTION, sendAt(e, sources, "'self'").audience());
    assertEquals(Audience.THIS_CONNECTION, sendAt(e, sources, "'direct'").audience());
    assertEquals(Audience.ALL_CONNECTIONS, sendAt(e, sources, "'except'").audience());
    // the acknowledgement answers the asker, and an event without data carries nothing
    assertEquals(11, e.sends().size(), e.sends().toString());
  }

  @Test
  void relayedEventDataIsAnEcho() {
    JsSources sources = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          socket.on('chat', ({ room, text }) => {
            socket.broadcast.emit('chat', { text });
          });
        });
        """);
    assertEquals(Provenance.ECHO, sources.endpoint().sends().get(0).provenance());
  }

  // ---- message handlers ----

  @Test
  void eachEventIsAHandlerWithItsName() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          socket.on('doc:delete', async ({ docId }) => {
            await Doc.deleteOne({ _id: docId });
          });
          socket.on('doc:rename', async ({ docId, title }, ack) => {
            const doc = await Doc.findById(docId);
            if (doc.ownerId !== socket.data.userId) return ack({ error: 'forbidden' });
            await Doc.updateOne({ _id: docId }, { title });
            ack({ ok: true });
          });
          socket.on('disconnect', () => Presence.remove(socket.id));
        });
        """).endpoint();
    assertEquals("docId", handler(e, "doc:delete").clientSuppliedId());
    assertEquals(PermissionCheck.ABSENT, handler(e, "doc:delete").permissionCheck());
    assertEquals(PermissionCheck.PRESENT, handler(e, "doc:rename").permissionCheck());
    assertTrue(e.handlers().stream().noneMatch(h -> "disconnect".equals(h.messageType())));
  }

  @Test
  void perPacketPermissionCheckCoversEveryHandler() {
    Endpoint e = JsSources.of("server.js", """
        const { Server } = require('socket.io');
        const io = new Server(3000);
        io.on('connection', (socket) => {
          socket.use(([event], next) => {
            if (!hasPermission(socket.data.user, event)) return next(new Error('forbidden'));
            next();
          });
          socket.on('user:ban', (userId) => banUser(userId));
        });
        """).endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "user:ban").permissionCheck());
  }

  // ---- across files ----

  @Test
  void connectionHandlerInAnotherModuleIsAPartOfTheExportedServer() {
    JsSources sources = JsSources.of("io.js", """
        const { Server } = require('socket.io');
        const io = new Server(3000);
        module.exports = { io };
        """).with("realtime.js", """
        const { io } = require('./io');
        io.on('connection', (socket) => {
          socket.join(socket.id);
          socket.on('item:remove', (itemId) => Items.remove(itemId));
        });
        """);
    Endpoint e = sources.facts("io.js").endpoints().get(0);
    assertEquals("itemId", handler(e, "item:remove").clientSuppliedId());
  }

  @Test
  void wsPartsDoNotAttachToASocketIoServer() {
    JsSources sources = JsSources.of("io.js", """
        const { Server } = require('socket.io');
        const io = new Server(3000);
        module.exports = { io };
        """).with("plain.js", """
        const { io } = require('./io');
        const jwt = require('jsonwebtoken');
        io.on('connection', (ws, req) => {
          jwt.verify(req.headers.authorization, 'k');
          ws.on('message', (raw) => ws.send(raw));
        });
        """);
    Endpoint e = sources.facts("io.js").endpoints().get(0);
    assertTrue(e.guards().isEmpty(), e.guards().toString());
    assertTrue(e.handlers().isEmpty(), e.handlers().toString());
  }

  @Test
  void handlersRegisteredByAnImportedFunctionAreAttached() {
    JsSources sources = JsSources.of("server.ts", """
        import { Server } from 'socket.io';
        import { registerHandlers } from './handlers';
        const io = new Server(3000);
        io.on('connection', (socket) => registerHandlers(io, socket));
        """).with("handlers.ts", """
        import type { Server, Socket } from 'socket.io';
        export function registerHandlers(io: Server, socket: Socket) {
          socket.on('invoice:void', async (invoiceId: string) => {
            await invoices.delete(invoiceId);
            io.emit('invoice:voided', await invoices.find(invoiceId));
          });
        }
        """);
    Endpoint e = sources.facts("server.ts").endpoints().get(0);
    assertEquals("invoiceId", handler(e, "invoice:void").clientSuppliedId());
    assertEquals(Audience.ALL_CONNECTIONS, e.sends().get(0).audience());
  }

  @Test
  void aModuleHandedTheServerAddsItsMiddlewareAndHandlers() {
    JsSources sources = JsSources.of("server.js", """
        const http = require('http');
        const server = http.createServer();
        const io = require('socket.io')(server);
        require('./sockets')(io);
        """).with("sockets.js", """
        const jwt = require('jsonwebtoken');
        module.exports = (io) => {
          io.use((socket, next) => {
            try {
              socket.user = jwt.verify(socket.handshake.auth.token, process.env.SECRET);
              next();
            } catch (e) {
              next(new Error('unauthorized'));
            }
          });
          io.on('connection', (socket) => {
            socket.on('post:delete', (postId) => Post.deleteOne({ _id: postId }));
            io.emit('online', countOnline());
          });
        };
        """);
    Endpoint e = sources.facts("server.js").endpoints().get(0);
    assertTrue(e.authenticated(), e.guards().toString());
    assertEquals("postId", handler(e, "post:delete").clientSuppliedId());
    assertEquals(1, e.sends().size());
    assertTrue(sources.facts("sockets.js").endpoints().isEmpty());
  }

  @Test
  void namespacesOfAServerHandedToAnotherModuleAreDeclaredThere() {
    JsSources sources = JsSources.of("admin.js", """
        module.exports = function registerAdmin(io) {
          const admin = io.of('/admin');
          admin.on('connection', (socket) => {
            socket.on('shutdown', () => process.exit(0));
          });
        };
        """);
    Endpoint e = sources.endpoint();
    assertEquals(Framework.SOCKET_IO_NAMESPACE, e.framework());
    assertEquals(List.of("/admin"), e.paths());
    assertTrue(handler(e, "shutdown").privileged());
    assertFalse(e.unknowns().isEmpty());
  }
}
