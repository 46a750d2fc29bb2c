package dev.wsguard.js.frameworks.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.JsSources;
import dev.wsguard.js.fix.JsFixRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocketIoFixesTest {
  private static Optional<Fix> render(FixIntent intent, String path, String text, FixContext context) {
    return new JsFixRenderer().render(intent, new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)), context);
  }

  private static Optional<Fix> render(FixIntent intent, String path, String text) {
    return render(intent, path, text, FixContext.EMPTY);
  }

  private static String apply(String text, Fix... fixes) {
    List<TextEdit> edits = new ArrayList<>();
    for (Fix f : fixes) {
      edits.addAll(f.edits());
    }
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), edits), StandardCharsets.UTF_8);
  }

  private static List<Endpoint> endpoints(JsSources sources) {
    return sources.link().stream().flatMap(f -> f.endpoints().stream()).toList();
  }

  private static Endpoint of(List<Endpoint> endpoints, Framework framework) {
    return endpoints.stream().filter(e -> e.framework() == framework).findFirst().orElseThrow();
  }

  private static final String VERIFIER_MODULE = """
      const jwt = require('jsonwebtoken');

      async function verifyAccessToken(token) {
        return jwt.verify(token, process.env.JWT_SECRET);
      }

      module.exports = { verifyAccessToken };
      """;

  /** The project's verifier of {@link #VERIFIER_MODULE}, as the front end reports it. */
  private static FixContext projectVerifier() {
    SourceLocation at = new SourceLocation("lib/auth.js", 3, 1, 5, 2, 40, 135);
    return new FixContext(List.of(new Verifier("verifyAccessToken", null, at, Verifier.Input.TOKEN,
        Verifier.Failure.THROWS, true, false)));
  }

  // ---- missing-upgrade-auth ----

  @Test
  void addsAMiddlewareAfterTheServerThatRefusesUntilTheHelperIsWired() {
    String text = """
        const { Server } = require('socket.io');

        const io = new Server(3001);

        io.on('connection', (socket) => {
          socket.emit('hello', 'world');
        });
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    Fix fix = render(new FixIntent.AddUpgradeAuth(e), "s.js", text).orElseThrow();
    String patched = apply(text, fix);
    assertEquals("""
        const { Server } = require('socket.io');

        const io = new Server(3001);
        io.use((socket, next) => {
          const token = socket.handshake.auth.token;
          const user = authenticateSocket(token);
          if (!user) {
            next(new Error('unauthorized'));
            return;
          }
          socket.data.user = user;
          next();
        });

        // Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
        // verified with the app's key, a session looked up by its id): return the user, with its id, or null.
        function authenticateSocket(token) {
          return null;
        }

        io.on('connection', (socket) => {
          socket.emit('hello', 'world');
        });
        """, patched);
    Endpoint after = JsSources.of("s.js", patched).endpoint();
    assertTrue(after.authenticated(), after.toString());
    assertTrue(after.guards().toString().contains("authenticateSocket rejects every request"), after.toString());
  }

  @Test
  void awaitsTheProjectsAsyncVerifierAndTreatsARejectionAsARefusal() {
    // the server's own imports reach the project root: a verifier in lib/ is the same app's
    String text = """
        import { Server } from "socket.io"
        import { config } from "../config"

        export const io = new Server(config.port, { cors: { origin: "*" } })
        io.on("connection", (socket) => socket.emit("hi", 1))
        """;
    Endpoint e = of(endpoints(JsSources.of("lib/auth.js", VERIFIER_MODULE).with("src/s.ts", text)), Framework.SOCKET_IO);
    Fix fix = render(new FixIntent.AddUpgradeAuth(e), "src/s.ts", text, projectVerifier()).orElseThrow();
    String patched = apply(text, fix);
    assertEquals("""
        import { Server } from "socket.io"
        import { config } from "../config"
        import { verifyAccessToken } from "../lib/auth"

        export const io = new Server(config.port, { cors: { origin: "*" } })
        io.use(async (socket, next) => {
          const token = socket.handshake.auth.token
          let user: unknown
          try {
            user = await verifyAccessToken(token)
          } catch (err) {
            user = null
          }
          if (!user) {
            next(new Error("unauthorized"))
            return
          }
          socket.data.user = user
          next()
        })
        io.on("connection", (socket) => socket.emit("hi", 1))
        """, patched);
    Endpoint after = of(endpoints(JsSources.of("lib/auth.js", VERIFIER_MODULE).with("src/s.ts", patched)),
        Framework.SOCKET_IO);
    assertTrue(after.authenticated(), after.toString());
    assertTrue(after.guards().toString().contains("verifyAccessToken is the helper that checks the credential"),
        after.toString());
  }

  @Test
  void guardsANamespaceWithItsOwnMiddlewareAndPutsTheHelperBelowTheServer() {
    String text = """
        const { Server } = require('socket.io');
        const io = new Server(3001);
        const admin = io.of('/admin');
        admin.on('connection', (socket) => socket.emit('hi', 1));
        """;
    List<Endpoint> all = endpoints(JsSources.of("s.js", text));
    Fix main = render(new FixIntent.AddUpgradeAuth(of(all, Framework.SOCKET_IO)), "s.js", text).orElseThrow();
    Fix namespace = render(new FixIntent.AddUpgradeAuth(of(all, Framework.SOCKET_IO_NAMESPACE)), "s.js", text)
        .orElseThrow();
    // both put the one helper below the server: a scan applies one, the next scan's patch calls the helper
    int helperAt = main.edits().get(0).range().startByte();
    assertTrue(namespace.edits().stream().anyMatch(t -> t.range().startByte() == helperAt), namespace.toString());
    String patched = apply(text, namespace);
    assertTrue(patched.contains("""
        const admin = io.of('/admin');
        admin.use((socket, next) => {
        """), patched);
    assertTrue(patched.startsWith("""
        const { Server } = require('socket.io');
        const io = new Server(3001);

        // Refuses every connection"""), patched);
    assertTrue(of(endpoints(JsSources.of("s.js", patched)), Framework.SOCKET_IO_NAMESPACE).authenticated());
    Fix second = render(new FixIntent.AddUpgradeAuth(of(endpoints(JsSources.of("s.js", patched)), Framework.SOCKET_IO)),
        "s.js", patched).orElseThrow();
    String both = apply(patched, second);
    assertEquals(1, both.split("function authenticateSocket", -1).length - 1, both);
    assertTrue(endpoints(JsSources.of("s.js", both)).stream().allMatch(Endpoint::authenticated), both);
  }

  @Test
  void registersAChainedNamespacesMiddlewareAboveTheChain() {
    String text = """
        const { Server } = require('socket.io');
        const io = new Server(3001);

        // the staff console
        io.of('/staff').on('connection', (socket) => socket.emit('hi', 1));
        """;
    Endpoint e = of(endpoints(JsSources.of("s.js", text)), Framework.SOCKET_IO_NAMESPACE);
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "s.js", text).orElseThrow());
    assertTrue(patched.contains("""
        io.of('/staff').use((socket, next) => {
          const token = socket.handshake.auth.token;
        """), patched);
    assertTrue(patched.contains("""
        });

        // the staff console
        io.of('/staff').on('connection'"""), patched);
    assertTrue(of(endpoints(JsSources.of("s.js", patched)), Framework.SOCKET_IO_NAMESPACE).authenticated(), patched);
  }

  @Test
  void leavesAnEndpointWithAGuardOrAMiddlewareToBeFixedWhereItIs() {
    String decodes = """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3001);
        io.use((socket, next) => {
          socket.data.user = jwt.decode(socket.handshake.auth.token);
          next();
        });
        io.on('connection', (socket) => socket.emit('hi', 1));
        """;
    Endpoint e = JsSources.of("s.js", decodes).endpoint();
    assertFalse(e.authenticated());
    assertEquals(Optional.empty(), render(new FixIntent.AddUpgradeAuth(e), "s.js", decodes));
    String unread = """
        const { Server } = require('socket.io');
        const limiter = require('./limiter');
        const io = new Server(3001);
        io.use((socket, next) => limiter.take(socket.id) ? next() : next(new Error('slow down')));
        io.on('connection', (socket) => socket.emit('hi', 1));
        """;
    Endpoint u = JsSources.of("s.js", unread).endpoint();
    assertEquals(Optional.empty(), render(new FixIntent.AddUpgradeAuth(u), "s.js", unread));
  }

  @Test
  void leavesAFileWhoseHelperNameIsTakenAlone() {
    String text = """
        const { Server } = require('socket.io');
        const authenticateSocket = require('./legacy-auth');
        const io = new Server(3001);
        io.on('connection', (socket) => socket.emit('hi', 1));
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    assertEquals(Optional.empty(), render(new FixIntent.AddUpgradeAuth(e), "s.js", text));
  }

  @Test
  void leavesAServerMadeInAnotherModuleAlone() {
    String server = """
        const { Server } = require('socket.io');
        const io = new Server(3001);
        module.exports = io;
        """;
    String handlers = """
        const io = require('./server');
        io.on('connection', (socket) => socket.emit('hi', 1));
        """;
    Endpoint e = JsSources.of("server.js", server).with("handlers.js", handlers).endpoint();
    assertEquals(Optional.empty(), render(new FixIntent.AddUpgradeAuth(e), "handlers.js", handlers));
  }

  // ---- missing-origin-check ----

  @Test
  void addsAnAllowRequestOptionAndAnEmptyAllowList() {
    String text = """
        import { createServer } from 'http';
        import { Server } from 'socket.io';

        const httpServer = createServer();
        const io = new Server(httpServer, {
          cors: { origin: true, credentials: true },
        });
        io.on('connection', (socket) => socket.emit('hi', 1));
        """;
    Endpoint e = JsSources.of("s.ts", text).endpoint();
    String patched = apply(text, render(new FixIntent.RestrictOrigins(e), "s.ts", text).orElseThrow());
    assertEquals("""
        import { createServer } from 'http';
        import { Server } from 'socket.io';

        const httpServer = createServer();

        // The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
        // every browser connection is refused
        const ALLOWED_ORIGINS: string[] = [];

        const io = new Server(httpServer, {
          cors: { origin: true, credentials: true },
          allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin ?? '')),
        });
        io.on('connection', (socket) => socket.emit('hi', 1));
        """, patched);
    Endpoint after = JsSources.of("s.ts", patched).endpoint();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind(), after.toString());
  }

  @Test
  void givesOptionsToAServerMadeWithNoneOrWithAPortOrAnHttpServer() {
    String none = """
        const { Server } = require('socket.io');
        const io = new Server();
        io.listen(3000);
        """;
    assertTrue(apply(none, render(new FixIntent.RestrictOrigins(JsSources.of("s.js", none).endpoint()), "s.js", none)
        .orElseThrow()).contains("const io = new Server({ allowRequest: (req, callback) => callback(null, "
        + "ALLOWED_ORIGINS.includes(req.headers.origin)) });"));
    String port = """
        const io = require('socket.io')(3000);
        io.on('connection', (socket) => socket.emit('hi', 1));
        """;
    String patchedPort = apply(port, render(new FixIntent.RestrictOrigins(JsSources.of("s.js", port).endpoint()),
        "s.js", port).orElseThrow());
    assertTrue(patchedPort.contains("require('socket.io')(3000, { allowRequest: "), patchedPort);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, JsSources.of("s.js", patchedPort).endpoint().originPolicy().kind());
    String server = """
        const http = require('http');
        const { Server } = require('socket.io');
        const server = http.createServer();
        const io = new Server(server);
        """;
    assertTrue(apply(server, render(new FixIntent.RestrictOrigins(JsSources.of("s.js", server).endpoint()), "s.js",
        server).orElseThrow()).contains("new Server(server, { allowRequest: "));
  }

  @Test
  void restrictsTheOriginsOfTheServerANamespaceIsMadeOn() {
    String text = """
        const { Server } = require('socket.io');
        const io = new Server(3001, { path: '/rt' });
        const admin = io.of('/admin');
        admin.on('connection', (socket) => socket.emit('hi', 1));
        """;
    Endpoint ns = of(endpoints(JsSources.of("s.js", text)), Framework.SOCKET_IO_NAMESPACE);
    String patched = apply(text, render(new FixIntent.RestrictOrigins(ns), "s.js", text).orElseThrow());
    assertTrue(patched.contains("new Server(3001, { path: '/rt', allowRequest: "), patched);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST,
        of(endpoints(JsSources.of("s.js", patched)), Framework.SOCKET_IO_NAMESPACE).originPolicy().kind());
  }

  @Test
  void leavesOptionsItCannotSeeOrAnAllowRequestAlone() {
    String variable = """
        const { Server } = require('socket.io');
        const options = { cors: { origin: '*' } };
        const io = new Server(options);
        """;
    assertEquals(Optional.empty(), render(new FixIntent.RestrictOrigins(JsSources.of("s.js", variable).endpoint()),
        "s.js", variable));
    String parameter = """
        const { Server } = require('socket.io');
        function start(serverOrOptions) {
          return new Server(serverOrOptions);
        }
        module.exports = { start };
        """;
    assertEquals(Optional.empty(), render(new FixIntent.RestrictOrigins(JsSources.of("s.js", parameter).endpoint()),
        "s.js", parameter));
    String spread = """
        const { Server } = require('socket.io');
        const io = new Server(3000, { ...defaults, cors: { origin: '*' } });
        """;
    assertEquals(Optional.empty(), render(new FixIntent.RestrictOrigins(JsSources.of("s.js", spread).endpoint()),
        "s.js", spread));
    String present = """
        const { Server } = require('socket.io');
        const io = new Server(3000, { allowRequest: (req, cb) => cb(null, true) });
        """;
    assertEquals(Optional.empty(), render(new FixIntent.RestrictOrigins(JsSources.of("s.js", present).endpoint()),
        "s.js", present));
  }

  // ---- broadcast-to-all ----

  @Test
  void sendsToTheRoomTheHandlerAlreadyJoinsForItsUser() {
    String text = """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3001);
        io.use((socket, next) => {
          try {
            socket.data.userId = jwt.verify(socket.handshake.auth.token, process.env.SECRET).sub;
            next();
          } catch (e) {
            next(new Error('unauthorized'));
          }
        });
        io.on('connection', (socket) => {
          socket.join(`user:${socket.data.userId}`);
          socket.on('balance', async () => {
            const balance = await wallet.balanceOf(socket.data.userId);
            io.emit('balance', balance);
          });
        });
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    Send send = e.sends().stream().filter(s -> s.audience() == Audience.ALL_CONNECTIONS).findFirst().orElseThrow();
    String patched = apply(text, render(new FixIntent.ScopeSendToUser(e, send), "s.js", text).orElseThrow());
    assertTrue(patched.contains("    io.to(`user:${socket.data.userId}`).emit('balance', balance);"), patched);
    assertTrue(JsSources.of("s.js", patched).endpoint().sends().stream()
        .noneMatch(s -> s.audience().everyone()), patched);
  }

  @Test
  void joinsAUserRoomWhereTheAuthenticationPatchKeepsTheUser() {
    String text = """
        const { Server } = require('socket.io');
        const io = new Server(3001);
        io.on('connection', async (socket) => {
          const users = await db.query('SELECT id, email FROM users');
          io.emit('users', users);
        });
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    Fix auth = render(new FixIntent.AddUpgradeAuth(e), "s.js", text).orElseThrow();
    Fix scope = render(new FixIntent.ScopeSendToUser(e, e.sends().get(0)), "s.js", text).orElseThrow();
    String patched = apply(text, auth, scope);
    assertTrue(patched.endsWith("""
        io.on('connection', async (socket) => {
          if (!socket.data.user) {
            socket.disconnect(true);
            return;
          }
          socket.join(`user:${socket.data.user.id}`);
          const users = await db.query('SELECT id, email FROM users');
          io.to(`user:${socket.data.user.id}`).emit('users', users);
        });
        """), patched);
    Endpoint after = JsSources.of("s.js", patched).endpoint();
    assertTrue(after.authenticated());
    assertEquals(List.of(Audience.ONE_USER), after.sends().stream().map(Send::audience).toList());
  }

  @Test
  void leavesASendWhoseUserItCannotNameAlone() {
    // a project verifier's user may have no id: user:undefined would be one room for everyone
    String unauthenticated = """
        const { Server } = require('socket.io');
        const io = new Server(3001);
        io.on('connection', async (socket) => {
          io.emit('users', await db.query('SELECT id, email FROM users'));
        });
        """;
    Endpoint u = of(endpoints(JsSources.of("lib/auth.js", VERIFIER_MODULE).with("s.js", unauthenticated)),
        Framework.SOCKET_IO);
    assertEquals(Optional.empty(), render(new FixIntent.ScopeSendToUser(u, u.sends().get(0)), "s.js", unauthenticated,
        projectVerifier()));
    // authenticated, but the handler joins no room of its user
    String noRoom = """
        const { Server } = require('socket.io');
        const jwt = require('jsonwebtoken');
        const io = new Server(3001);
        io.use((socket, next) => {
          try {
            socket.data.claims = jwt.verify(socket.handshake.auth.token, process.env.SECRET);
            next();
          } catch (e) {
            next(new Error('unauthorized'));
          }
        });
        io.on('connection', async (socket) => {
          io.emit('users', await db.query('SELECT id, email FROM users'));
        });
        """;
    Endpoint a = JsSources.of("s.js", noRoom).endpoint();
    assertTrue(a.authenticated());
    assertEquals(Optional.empty(), render(new FixIntent.ScopeSendToUser(a, a.sends().get(0)), "s.js", noRoom));
  }

  @Test
  void leavesARoomNamedByTheClientAlone() {
    String text = """
        const { Server } = require('socket.io');
        const io = new Server(3001);
        io.on('connection', (socket) => {
          socket.join(`user:${socket.handshake.query.userId}`);
          socket.on('inbox', async () => {
            io.emit('inbox', await db.messages.findMany());
          });
        });
        """;
    Endpoint e = JsSources.of("s.js", text).endpoint();
    Send send = e.sends().stream().filter(s -> s.audience() == Audience.ALL_CONNECTIONS).findFirst().orElseThrow();
    // the composed patch still applies (this endpoint authenticates nobody), but not the client's room
    String patched = apply(text, render(new FixIntent.ScopeSendToUser(e, send), "s.js", text).orElseThrow());
    assertFalse(patched.contains("io.to(`user:${socket.handshake"), patched);
    assertTrue(patched.contains("io.to(`user:${socket.data.user.id}`).emit('inbox'"), patched);
  }

  @Test
  void leavesASendWithNoSocketInScopeAlone() {
    String outside = """
        const { Server } = require('socket.io');
        const io = new Server(3001);
        async function publish() {
          io.emit('orders', await db.orders.findMany());
        }
        io.on('connection', () => publish());
        """;
    Endpoint e = JsSources.of("s.js", outside).endpoint();
    assertEquals(Optional.empty(), render(new FixIntent.ScopeSendToUser(e, e.sends().get(0)), "s.js", outside));
    String shadowed = """
        const { Server } = require('socket.io');
        const io = new Server(3001);
        io.on('connection', (socket) => {
          socket.join(`user:${socket.data.userId}`);
          sockets.forEach((socket) => {
            io.emit('users', db.users.all());
          });
        });
        """;
    Endpoint s = JsSources.of("s.js", shadowed).endpoint();
    Send send = s.sends().stream().filter(x -> x.audience() == Audience.ALL_CONNECTIONS).findFirst().orElseThrow();
    assertEquals(Optional.empty(), render(new FixIntent.ScopeSendToUser(s, send), "s.js", shadowed));
  }
}
