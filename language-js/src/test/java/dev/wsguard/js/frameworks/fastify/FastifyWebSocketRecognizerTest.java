package dev.wsguard.js.frameworks.fastify;

import static dev.wsguard.js.JsSources.auth;
import static dev.wsguard.js.JsSources.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.JsSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastifyWebSocketRecognizerTest {

  private static List<Endpoint> endpoints(JsSources sources) {
    return sources.link().stream().flatMap(f -> f.endpoints().stream()).toList();
  }

  @Test
  void recognisesShorthandAndRouteForms() {
    JsSources sources = JsSources.of("app.js", """
        const fastify = require('fastify')();
        fastify.register(require('@fastify/websocket'), { options: { maxPayload: 1024 } });
        fastify.get('/a', { websocket: true }, (socket) => socket.send('a'));
        fastify.route({ method: 'GET', url: '/b', handler: (req, reply) => reply.send('b'),
          wsHandler: (socket) => socket.send('b') });
        fastify.get('/plain', (req, reply) => reply.send('not a websocket'));
        """);
    List<Endpoint> all = endpoints(sources);
    assertEquals(2, all.size());
    assertEquals(Framework.FASTIFY_WEBSOCKET, all.get(0).framework());
    assertEquals("fastify.get", sources.text(all.get(0).declaration()));
    assertEquals(List.of("/b"), all.get(1).paths());
    assertEquals(1024L, all.get(0).limits().maxMessageBytes());
  }

  @Test
  void asyncHookWithJwtVerifyAuthenticatesAndHookInSiblingPluginDoesNot() {
    JsSources sources = JsSources.of("app.js", """
        const app = require('fastify')();
        app.register(require('@fastify/websocket'));
        app.register(async (secure) => {
          secure.addHook('onRequest', async (request, reply) => {
            try { await request.jwtVerify(); } catch (err) { reply.send(err); }
          });
          secure.get('/private', { websocket: true }, (socket) => socket.send('p'));
        });
        app.register(async (open) => {
          open.get('/public', { websocket: true }, (socket) => socket.send('o'));
        });
        """);
    List<Endpoint> all = endpoints(sources);
    assertTrue(all.get(0).authenticated(), all.get(0).guards().toString());
    assertEquals(java.util.Set.of(CredentialSource.HEADER_TOKEN), all.get(0).credentials());
    assertTrue(all.get(1).guards(GuardKind.AUTHENTICATION).isEmpty());
    assertTrue(sources.tokenUses().stream().noneMatch(u -> u.failureSwallowed()), sources.tokenUses().toString());
  }

  @Test
  void hookThatLogsAndContinuesFailsOpen() {
    Endpoint e = JsSources.of("app.js", """
        const app = require('fastify')();
        const jwt = require('jsonwebtoken');
        app.addHook('preHandler', async (request) => {
          try { request.user = jwt.verify(request.headers.authorization, 'k'); }
          catch (e) { request.log.warn(e); }
        });
        app.get('/ws', { websocket: true }, (socket) => socket.send('x'));
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void jwtDecodeInARouteHookDecodesOnly() {
    Endpoint e = JsSources.of("app.js", """
        const app = require('fastify')();
        app.get('/ws', {
          websocket: true,
          preValidation: async (request, reply) => {
            const claims = app.jwt.decode(request.query.token);
            if (!claims) return reply.code(401).send();
            request.claims = claims;
          },
        }, (socket) => socket.send('x'));
        """).endpoint();
    assertEquals(Strength.DECODED_ONLY, auth(e, GuardPlace.HANDSHAKE).strength());
  }

  @Test
  void callbackHookRejectsWithDoneError() {
    Endpoint e = JsSources.of("app.js", """
        const app = require('fastify')();
        const jwt = require('jsonwebtoken');
        function check(request, reply, done) {
          jwt.verify(request.headers.authorization, 'k', (err, claims) => {
            if (err) return done(new Error('Unauthorized'));
            request.claims = claims;
            done();
          });
        }
        app.get('/ws', { websocket: true, onRequest: check }, (socket) => socket.send('x'));
        """).endpoint();
    assertTrue(e.authenticated(), e.guards().toString());
  }

  @Test
  void fastifyPluginHooksApplyToTheParentContext() {
    Endpoint e = JsSources.of("app.js", """
        const fp = require('fastify-plugin');
        const jwt = require('jsonwebtoken');
        const app = require('fastify')();
        const auth = fp(async (instance) => {
          instance.addHook('onRequest', async (request, reply) => {
            try { request.user = jwt.verify(request.headers.authorization, 'k'); }
            catch { return reply.code(401).send(); }
          });
        });
        app.register(auth);
        app.get('/ws', { websocket: true }, (socket) => socket.send('x'));
        """).endpoint();
    assertTrue(e.authenticated(), e.guards().toString());
  }

  @Test
  void readsTheLegacyConnectionSocket() {
    Endpoint e = JsSources.of("app.js", """
        const app = require('fastify')();
        app.get('/ws', { websocket: true }, (connection, req) => {
          connection.socket.on('message', async (raw) => {
            const msg = JSON.parse(raw);
            if (msg.type === 'deleteUser') await db.users.delete(msg.userId);
          });
          app.websocketServer.clients.forEach((c) => c.send('joined'));
        });
        """).endpoint();
    assertEquals(PermissionCheck.ABSENT, handler(e, "deleteUser").permissionCheck());
    assertTrue(handler(e, "deleteUser").privileged());
    assertEquals(Audience.ALL_CONNECTIONS, e.sends().get(0).audience());
    assertFalse(e.authenticated());
  }

  @Test
  void authCompositionWithOrNeedsEveryAlternativeToCheck() {
    String source = """
        const app = require('fastify')();
        app.decorate('verifyJwt', async (request, reply) => { await request.jwtVerify(); });
        app.decorate('allowAnyone', (request, reply, done) => done());
        app.get('/ws', { websocket: true, preValidation: app.auth([app.verifyJwt, app.allowAnyone]%s) },
          (socket) => socket.send('x'));
        """;
    Endpoint or = JsSources.of("app.js", source.formatted("")).endpoint();
    assertFalse(or.authenticated(), or.guards().toString());
    Endpoint and = JsSources.of("app.js", source.formatted(", { relation: 'and' }")).endpoint();
    assertTrue(and.authenticated(), and.guards().toString());
  }
}
