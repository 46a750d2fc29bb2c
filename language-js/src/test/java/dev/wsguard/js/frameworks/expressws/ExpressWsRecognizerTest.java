package dev.wsguard.js.frameworks.expressws;

import static dev.wsguard.js.JsSources.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.JsSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressWsRecognizerTest {

  private static List<Endpoint> endpoints(JsSources sources) {
    return sources.link().stream().flatMap(f -> f.endpoints().stream()).toList();
  }

  @Test
  void recognisesAppAndMountedRouterRoutes() {
    JsSources sources = JsSources.of("server.js", """
        const express = require('express');
        const expressWs = require('express-ws');
        const app = express();
        expressWs(app);
        const router = express.Router();
        router.ws('/feed', (ws, req) => ws.send('hi'));
        app.use('/api/', router);
        app.ws('/echo', (ws) => ws.on('message', (m) => ws.send(m)));
        """);
    List<Endpoint> all = endpoints(sources);
    assertEquals(2, all.size());
    Endpoint feed = all.get(0);
    assertEquals(Framework.EXPRESS_WS, feed.framework());
    assertEquals(List.of("/api/feed"), feed.paths());
    assertEquals("router.ws", sources.text(feed.declaration()));
    assertEquals(List.of("/echo"), all.get(1).paths());
    assertEquals(OriginPolicy.Kind.ANY, feed.originPolicy().kind());
  }

  @Test
  void routeMiddlewareThatVerifiesAndClosesIsHandshakeAuthentication() {
    Endpoint e = JsSources.of("server.js", """
        import express from 'express';
        import expressWs from 'express-ws';
        import jwt from 'jsonwebtoken';
        const { app } = expressWs(express());
        function auth(ws, req, next) {
          try {
            req.user = jwt.verify(req.query.token, 'k');
          } catch (e) {
            return ws.close(4401);
          }
          next();
        }
        app.ws('/live', auth, (ws, req) => ws.send(req.user.sub));
        """).endpoint();
    HandshakeGuard g = auth(e, GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertTrue(e.authenticated());
    assertEquals(java.util.Set.of(CredentialSource.QUERY_TOKEN), e.credentials());
  }

  @Test
  void appMiddlewareRegisteredAfterTheRouteDoesNotGuardIt() {
    Endpoint e = JsSources.of("server.js", """
        const express = require('express');
        const jwt = require('jsonwebtoken');
        const app = express();
        require('express-ws')(app);
        app.ws('/live', (ws) => ws.send('hello'));
        app.use((req, res, next) => {
          try { req.user = jwt.verify(req.headers.authorization, 'k'); } catch { return res.sendStatus(401); }
          next();
        });
        """).endpoint();
    assertTrue(e.guards(GuardKind.AUTHENTICATION).isEmpty(), e.guards().toString());
    assertFalse(e.authenticated());
  }

  @Test
  void appMiddlewareThatCarriesOnAfterAFailedCheckFailsOpen() {
    Endpoint e = JsSources.of("server.js", """
        const express = require('express');
        const jwt = require('jsonwebtoken');
        const app = express();
        require('express-ws')(app);
        app.use((req, res, next) => {
          try { req.user = jwt.verify(req.headers.authorization, 'k'); } catch (err) { console.log(err); }
          next();
        });
        app.ws('/live', (ws) => ws.send('hello'));
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
    assertFalse(e.authenticated());
  }

  @Test
  void sessionMiddlewareBeforeASessionCheckIsAmbientCookieAuthentication() {
    Endpoint e = JsSources.of("server.js", """
        const express = require('express');
        const session = require('express-session');
        const app = express();
        require('express-ws')(app);
        app.use(session({ secret: 's' }));
        app.ws('/me', (req, res, next) => {
          if (!req.session.userId) return res.status(401).end();
          next();
        }, (ws, req) => ws.send(String(req.session.userId)));
        """).endpoint();
    assertTrue(e.authenticated(), e.guards().toString());
    assertTrue(e.ambientCredentials(), e.credentials().toString());
  }

  @Test
  void originAllowListMiddlewareIsTheOriginPolicy() {
    Endpoint e = JsSources.of("server.js", """
        const express = require('express');
        const app = express();
        require('express-ws')(app);
        const ALLOWED = ['https://app.example.com'];
        app.use((req, res, next) => {
          if (!ALLOWED.includes(req.headers.origin)) return res.status(403).end();
          next();
        });
        app.ws('/live', (ws) => ws.send('hello'));
        """).endpoint();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
  }

  @Test
  void getWssClientsLoopSendsToEveryConnection() {
    Endpoint e = JsSources.of("server.js", """
        const express = require('express');
        const app = express();
        const wsInstance = require('express-ws')(app);
        app.ws('/chat', (ws) => {
          ws.on('message', (msg) => {
            wsInstance.getWss().clients.forEach((client) => client.send(msg));
          });
        });
        """).endpoint();
    Send send = e.sends().get(0);
    assertEquals(Audience.ALL_CONNECTIONS, send.audience());
  }

  @Test
  void ignoresUwsBehaviourObjects() {
    JsSources sources = JsSources.of("server.js", """
        const uWS = require('uWebSockets.js');
        const app = uWS.App();
        app.ws('/*', { message: (ws, m) => ws.send(m) });
        """);
    assertEquals(Framework.UWS, sources.endpoint().framework());
  }

  @Test
  void appMiddlewareBeforeMountingAnImportedRouterGuardsItsRoutes() {
    JsSources sources = JsSources.of("routes/live.js", """
        const express = require('express');
        const router = express.Router();
        router.ws('/positions', (ws) => ws.send('x'));
        router.ws('/orders', (ws) => ws.send('y'));
        module.exports = router;
        """).with("server.js", """
        const express = require('express');
        const jwt = require('jsonwebtoken');
        const app = express();
        require('express-ws')(app);
        app.use((req, res, next) => {
          try { req.user = jwt.verify(req.headers.authorization, 'k'); } catch { return res.sendStatus(401); }
          next();
        });
        app.use('/live', require('./routes/live'));
        """);
    List<Endpoint> all = endpoints(sources);
    assertEquals(2, all.size());
    for (Endpoint e : all) {
      assertTrue(e.authenticated(), e.guards().toString());
    }
  }

  @Test
  void verifyClientInWsOptionsIsAGuardWsguardCannotRead() {
    Endpoint e = JsSources.of("server.js", """
        const express = require('express');
        const app = express();
        require('express-ws')(app, null, { wsOptions: { verifyClient: checkClient, maxPayload: 4096 } });
        app.ws('/live', (ws) => ws.send('hello'));
        """).endpoint();
    assertEquals(Strength.UNKNOWN, auth(e, GuardPlace.HANDSHAKE).strength());
    assertTrue(e.unknowns().stream().anyMatch(u -> u.contains("verifyClient")), e.unknowns().toString());
    assertEquals(4096L, e.limits().maxMessageBytes());
  }
}
