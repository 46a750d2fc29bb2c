package dev.wsguard.js.frameworks.fastify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.JsSources;
import dev.wsguard.js.fix.JsFixRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FastifyWebSocketFixesTest {
  private static final String PLAIN = """
      const fastify = require('fastify')();

      fastify.register(require('@fastify/websocket'));

      fastify.register(async function (app) {
        app.get('/live', { websocket: true }, (socket) => {
          socket.send('hello');
        });
      });

      fastify.listen({ port: 3000 });
      """;

  private static Optional<Fix> render(FixIntent intent, String path, String text, FixContext context) {
    return new JsFixRenderer().render(intent, new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)), context);
  }

  private static String apply(String text, Fix... fixes) {
    List<TextEdit> edits = new ArrayList<>();
    for (Fix f : fixes) {
      edits.addAll(f.edits());
    }
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), edits), StandardCharsets.UTF_8);
  }

  @Test
  void addsAPreValidationHookThatAnswers401UntilWired() {
    Endpoint e = JsSources.of("app.js", PLAIN).endpoint();
    String patched = apply(PLAIN, render(new FixIntent.AddUpgradeAuth(e), "app.js", PLAIN, FixContext.EMPTY)
        .orElseThrow());
    assertEquals("""
        const fastify = require('fastify')();

        fastify.register(require('@fastify/websocket'));

        fastify.register(async function (app) {
          app.get('/live', { websocket: true, preValidation: authenticateWs }, (socket) => {
            socket.send('hello');
          });
        });

        // Fastify runs preValidation before @fastify/websocket upgrades: replying here refuses the connection
        async function authenticateWs(request, reply) {
          const user = authenticateUpgrade(request);
          if (!user) {
            return reply.code(401).send({ error: 'Unauthorized' });
          }
          request.user = user;
        }

        // Refuses every connection until it is wired to the app's own check of the request's credential (its session
        // cookie, or a token verified with the app's key): return the user, or null to refuse.
        function authenticateUpgrade(request) {
          return null;
        }

        fastify.listen({ port: 3000 });
        """, patched);
    assertTrue(JsSources.of("app.js", patched).endpoint().authenticated());
  }

  @Test
  void putsAnOnRequestOriginHookFirstInMultilineRouteOptions() {
    String text = """
        import Fastify from 'fastify';
        import websocket from '@fastify/websocket';

        const app = Fastify();
        await app.register(websocket);

        app.route({
          method: 'GET',
          url: '/chat',
          handler: (req, reply) => reply.send('use a WebSocket'),
          wsHandler: (socket) => socket.send('hi'),
        });
        """;
    Endpoint e = JsSources.of("app.mjs", text).endpoint();
    Fix auth = render(new FixIntent.AddUpgradeAuth(e), "app.mjs", text, FixContext.EMPTY).orElseThrow();
    Fix origin = render(new FixIntent.RestrictOrigins(e), "app.mjs", text, FixContext.EMPTY).orElseThrow();
    String patched = apply(text, auth, origin);
    assertTrue(patched.contains("""
        app.route({
          onRequest: checkWsOrigin,
          method: 'GET',
          url: '/chat',
          handler: (req, reply) => reply.send('use a WebSocket'),
          wsHandler: (socket) => socket.send('hi'),
          preValidation: authenticateWs,
        });
        """), patched);
    Endpoint after = JsSources.of("app.mjs", patched).endpoint();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind());
    assertTrue(after.authenticated());
  }

  @Test
  void passesTheRawNodeRequestToTheProjectsVerifier() {
    String text = PLAIN;
    Endpoint e = JsSources.of("app.js", text).endpoint();
    FixContext context = new FixContext(List.of(new Verifier("userFromRequest", null,
        new SourceLocation("auth.js", 1, 1, 1, 5, 0, 4), Verifier.Input.REQUEST, Verifier.Failure.RETURNS_FALSY,
        true, false)));
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "app.js", text, context).orElseThrow());
    // require('fastify')() is a call of what require gives, so the file has no require to follow: the import opens it
    assertTrue(patched.startsWith("""
        const { userFromRequest } = require('./auth');
        const fastify = require('fastify')();
        """), patched);
    assertTrue(patched.contains("""
        async function authenticateWs(request, reply) {
          let user;
          try {
            user = await userFromRequest(request.raw);
          } catch {
            user = null;
          }
          if (!user) {
            return reply.code(401).send({ error: 'Unauthorized' });
          }
        """), patched);
  }

  @Test
  void refusesOptionsOutOfSightAndHooksAlreadyThere() {
    String variable = PLAIN.replace("app.get('/live', { websocket: true }, (socket) => {",
        "app.get('/live', liveOptions, (socket) => {").replace("fastify.listen", "const liveOptions = { websocket:"
        + " true };\nfastify.listen");
    Endpoint v = JsSources.of("app.js", variable).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(v), "app.js", variable, FixContext.EMPTY).isEmpty());
    assertTrue(render(new FixIntent.RestrictOrigins(v), "app.js", variable, FixContext.EMPTY).isEmpty());

    String hooked = PLAIN.replace("{ websocket: true }", "{ websocket: true, onRequest: logRequest }")
        .replace("fastify.listen", "function logRequest(request, reply, done) {\n  done();\n}\n\nfastify.listen");
    Endpoint h = JsSources.of("app.js", hooked).endpoint();
    assertTrue(render(new FixIntent.RestrictOrigins(h), "app.js", hooked, FixContext.EMPTY).isEmpty());

    String spread = PLAIN.replace("{ websocket: true }", "{ ...shared, websocket: true }")
        .replace("fastify.listen", "const shared = {};\nfastify.listen");
    Endpoint s = JsSources.of("app.js", spread).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(s), "app.js", spread, FixContext.EMPTY).isEmpty());
  }

  @Test
  void typesTheHooksStructurallyInTypeScript() {
    String text = """
        import Fastify from 'fastify';
        import websocket from '@fastify/websocket';

        const app = Fastify();
        app.register(websocket);
        app.get('/feed', { websocket: true }, (socket) => {
          socket.send('hi');
        });
        """;
    Endpoint e = JsSources.of("app.ts", text).endpoint();
    String patched = apply(text, render(new FixIntent.RestrictOrigins(e), "app.ts", text, FixContext.EMPTY)
        .orElseThrow());
    assertTrue(patched.contains("""
        async function checkWsOrigin(
          request: { headers: import('http').IncomingHttpHeaders },
          reply: { code(statusCode: number): { send(payload?: unknown): unknown } },
        ): Promise<unknown> {
          if (!ALLOWED_ORIGINS.has(request.headers.origin ?? '')) {
            return reply.code(403).send({ error: 'Forbidden' });
          }
          return undefined;
        }
        """), patched);
    assertTrue(patched.contains("app.get('/feed', { onRequest: checkWsOrigin, websocket: true }, (socket) => {"));
  }
}
