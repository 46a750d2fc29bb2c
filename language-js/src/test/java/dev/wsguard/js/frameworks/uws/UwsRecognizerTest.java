package dev.wsguard.js.frameworks.uws;

import static dev.wsguard.js.JsSources.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.JsSources;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UwsRecognizerTest {

  @Test
  void withoutAnUpgradeHandlerEveryoneIsUpgraded() {
    JsSources sources = JsSources.of("server.js", """
        const uWS = require('uWebSockets.js');
        const app = uWS.App();
        app.ws('/*', { maxPayloadLength: 16 * 1024, message: (ws, m, isBinary) => ws.send(m, isBinary) });
        """);
    Endpoint e = sources.endpoint();
    assertEquals(Framework.UWS, e.framework());
    assertEquals("app.ws", sources.text(e.declaration()));
    assertTrue(e.guards(GuardKind.AUTHENTICATION).isEmpty());
    assertEquals(16384L, e.limits().maxMessageBytes());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void upgradeThatAnswers401BeforeUpgradingAuthenticates() {
    Endpoint e = JsSources.of("server.mjs", """
        import { App } from 'uWebSockets.js';
        import jwt from 'jsonwebtoken';
        App().ws('/x', {
          upgrade: (res, req, context) => {
            let user;
            try { user = jwt.verify(req.getHeader('authorization'), 'k'); }
            catch { res.writeStatus('401 Unauthorized').end(); return; }
            res.upgrade({ user }, req.getHeader('sec-websocket-key'), '', '', context);
          },
        }).listen(9001, () => {});
        """).endpoint();
    assertEquals(Strength.VERIFIED, auth(e, GuardPlace.HANDSHAKE).strength());
    assertTrue(e.authenticated());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
  }

  @Test
  void upgradeReachedOnTheFailurePathDoesNotAuthenticate() {
    Endpoint e = JsSources.of("server.js", """
        const uWS = require('uWebSockets.js');
        const jwt = require('jsonwebtoken');
        uWS.App().ws('/x', {
          upgrade: (res, req, context) => {
            let user = null;
            try { user = jwt.verify(req.getQuery('token'), 'k'); } catch (e) { console.warn(e); }
            res.upgrade({ user }, req.getHeader('sec-websocket-key'), '', '', context);
          },
        });
        """).endpoint();
    assertEquals(Strength.FAILS_OPEN, auth(e, GuardPlace.HANDSHAKE).strength());
    assertFalse(e.authenticated());
  }

  @Test
  void originAllowListInTheUpgradeIsTheOriginPolicy() {
    Endpoint e = JsSources.of("server.js", """
        const uWS = require('uWebSockets.js');
        const ORIGINS = ['https://app.example.com'];
        uWS.App().ws('/x', {
          upgrade: (res, req, context) => {
            if (!ORIGINS.includes(req.getHeader('origin'))) { res.writeStatus('403 Forbidden').end(); return; }
            res.upgrade({}, req.getHeader('sec-websocket-key'), '', '', context);
          },
        });
        """).endpoint();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
  }

  @Test
  void publishAudienceFollowsTheTopic() {
    Endpoint e = JsSources.of("server.js", """
        const uWS = require('uWebSockets.js');
        const app = uWS.App();
        app.ws('/x', {
          open: (ws) => {
            ws.subscribe('everyone');
            if (ws.getUserData().admin) ws.subscribe('admins');
          },
          message: (ws, message) => {
            ws.publish('everyone', message);
            app.publish(`user/${ws.getUserData().userId}`, 'private');
            app.publish('admins', 'alert');
            app.publish('everyone', 'hello');
          },
        });
        """).endpoint();
    assertEquals(Audience.ALL_BUT_SENDER, sendTo(e, "message").audience());
    assertEquals(Audience.ONE_USER, sendTo(e, "'private'").audience());
    assertEquals(Audience.ROOM, sendTo(e, "'alert'").audience());
    assertEquals(Audience.ALL_CONNECTIONS, sendTo(e, "'hello'").audience());
  }

  private static Send sendTo(Endpoint e, String payload) {
    return e.sends().stream().filter(s -> s.payload().equals(payload)).findFirst()
        .orElseThrow(() -> new AssertionError("no send of " + payload + " in " + e.sends()));
  }
}
