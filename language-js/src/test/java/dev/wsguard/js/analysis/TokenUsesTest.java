package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.TokenUse;
import dev.wsguard.js.JsSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenUsesTest {

  private static TokenUse only(String path, String source) {
    List<TokenUse> uses = JsSources.of(path, source).tokenUses();
    assertEquals(1, uses.size(), "token uses: " + uses);
    return uses.get(0);
  }

  @Test
  void reportsADecodeUsedAsIdentityInAnyFile() {
    TokenUse use = only("middleware.js", """
        const jwt = require('jsonwebtoken');
        module.exports = function auth(req, res, next) {
          req.user = jwt.decode(req.headers.authorization.split(' ')[1]);
          next();
        };
        """);
    assertEquals("jsonwebtoken.decode", use.library());
    assertFalse(use.signatureChecked());
    assertTrue(use.resultTrusted());
    assertNull(use.endpointDeclaration());
  }

  @Test
  void ignoresADecodeThatOnlyReadsTheKeyId() {
    TokenUse decode = JsSources.of("keys.ts", """
        import jwt from 'jsonwebtoken';
        export async function verify(token: string) {
          const kid = jwt.decode(token, { complete: true })?.header.kid;
          return jwt.verify(token, await keyFor(kid));
        }
        """).tokenUses().get(0);
    assertFalse(decode.resultTrusted());
  }

  @Test
  void ignoresADecodeWhoseVariableOnlyGuardsAKeyIdLookup() {
    TokenUse decode = JsSources.of("keys.js", """
        const jwt = require('jsonwebtoken');
        function verify(token) {
          const decoded = jwt.decode(token, { complete: true });
          const key = decoded && keys[decoded.header.kid];
          if (!key) return null;
          return jwt.verify(token, key);
        }
        """).tokenUses().get(0);
    assertFalse(decode.resultTrusted());
  }

  @Test
  void reportsADecodeReadThroughTheRightSideOfAnAnd() {
    TokenUse decode = JsSources.of("who.js", """
        const jwt = require('jsonwebtoken');
        function userOf(token) {
          const decoded = jwt.decode(token);
          return decoded && decoded.sub;
        }
        module.exports = { userOf };
        """).tokenUses().get(0);
    assertTrue(decode.resultTrusted());
  }

  @Test
  void followsADecodeThroughAConditionalExpression() {
    TokenUse logged = only("auth.js", """
        const jwt = require('jsonwebtoken');
        function describeToken(token) {
          const decoded = token ? jwt.decode(token, { complete: true }) : null;
          return decoded ? { kid: decoded.header.kid, exp: decoded.payload.exp } : null;
        }
        """);
    assertFalse(logged.resultTrusted());
    TokenUse identity = only("auth.js", """
        const jwt = require('jsonwebtoken');
        function userOf(req) {
          const claims = req.token ? jwt.decode(req.token) : null;
          req.user = { id: claims.sub };
        }
        """);
    assertTrue(identity.resultTrusted());
  }

  @Test
  void followsAHelpersDecodedResultToItsCallers() {
    String source = """
        const jwt = require('jsonwebtoken');
        function peek(token) {
          return jwt.decode(token);
        }
        function onReject(req, err) {
          USE
        }
        module.exports = { onReject };
        """;
    assertFalse(only("auth.js", source.replace("USE", "console.warn('rejected', err.message, peek(req.token));"))
        .resultTrusted());
    assertTrue(only("auth.js", source.replace("USE", "req.user = peek(req.token);")).resultTrusted());
    // a helper that leaves the file is trusted: its callers are not read here
    assertTrue(only("auth.js", source.replace("module.exports = { onReject };", "module.exports = { peek };")
        .replace("USE", "")).resultTrusted());
  }

  @Test
  void ignoresAPresenceTestBeforeAVerification() {
    List<TokenUse> uses = JsSources.of("auth.ts", """
        import jwt from 'jsonwebtoken';
        export function verifyToken(token: string) {
          const decoded = jwt.decode(token, { complete: true });
          if (!decoded) throw new Error('malformed');
          return jwt.verify(token, keys.get(decoded.header.kid));
        }
        """).tokenUses();
    assertFalse(uses.get(0).resultTrusted());
  }

  @Test
  void trustsADecodeThatDecidesTheHandshake() {
    TokenUse use = only("server.js", """
        const jwt = require('jsonwebtoken');
        function verifyClient({ req }) {
          return jwt.decode(req.headers.authorization) !== null;
        }
        """);
    assertTrue(use.resultTrusted());
  }

  @Test
  void ignoresAClaimThatOnlyGoesToTheLog() {
    TokenUse use = only("a.js", """
        const { decodeJwt } = require('jose');
        console.warn('rejected', { claimedSub: decodeJwt(token).sub });
        """);
    assertFalse(use.resultTrusted());
  }

  @Test
  void ignoresADecodeThatIsOnlyLogged() {
    TokenUse use = only("debug.js", """
        import { decodeJwt } from 'jose';
        console.log(decodeJwt(token));
        """);
    assertEquals("jose.decodeJwt", use.library());
    assertFalse(use.resultTrusted());
  }

  @Test
  void readsJwtDecodeAsDefaultAndNamedImport() {
    List<TokenUse> uses = JsSources.of("a.js", """
        import jwtDecode from 'jwt-decode';
        import { jwtDecode as decodeV4 } from 'jwt-decode';
        const a = jwtDecode(token).sub;
        const b = decodeV4(token).role;
        grant(a, b);
        """).tokenUses();
    assertEquals(List.of("jwt-decode", "jwt-decode.jwtDecode"), uses.stream().map(TokenUse::library).toList());
    assertTrue(uses.stream().allMatch(TokenUse::resultTrusted));
  }

  @Test
  void readsNamedImportsOfJsonwebtoken() {
    List<TokenUse> uses = JsSources.of("a.ts", """
        import { verify, decode } from 'jsonwebtoken';
        const claims = verify(token, key);
        const raw = decode(token);
        user.id = raw.sub;
        """).tokenUses();
    assertTrue(uses.get(0).signatureChecked());
    assertFalse(uses.get(1).signatureChecked());
    assertTrue(uses.get(1).resultTrusted());
  }

  @Test
  void reportsAHandRolledBase64DecodeOfThePayload() {
    JsSources sources = JsSources.of("a.js", """
        function claimsOf(token) {
          const [, payload] = token.split('.');
          return JSON.parse(Buffer.from(payload, 'base64url').toString());
        }
        const role = JSON.parse(atob(token.split('.')[1])).role;
        if (role === 'admin') openConsole();
        """);
    List<TokenUse> uses = sources.tokenUses();
    assertEquals(2, uses.size());
    assertTrue(uses.stream().allMatch(u -> !u.signatureChecked() && u.resultTrusted()));
    assertEquals("Buffer.from(payload, 'base64url')", sources.text(uses.get(0).location()));
  }

  @Test
  void ignoresBase64OfSomethingElse() {
    assertTrue(JsSources.of("a.js", "const s = Buffer.from(data, 'base64').toString();").tokenUses().isEmpty());
  }

  @Test
  void reportsAVerifyWhoseCatchLogsAndCarriesOn() {
    JsSources sources = JsSources.of("a.js", """
        const jwt = require('jsonwebtoken');
        function user(token) {
          let claims = { role: 'guest' };
          try {
            claims = jwt.verify(token, KEY);
          } catch (err) {
            console.warn(err);
          }
          return claims;
        }
        """);
    TokenUse use = sources.tokenUses().get(0);
    assertTrue(use.signatureChecked());
    assertTrue(use.failureSwallowed());
    assertEquals(sources.line("a.js", "catch (err)"), use.swallowedAt().startLine());
  }

  @Test
  void reportsAVerifyWhoseCatchReturnsADefaultUser() {
    TokenUse use = only("a.js", """
        const jwt = require('jsonwebtoken');
        function user(token) {
          try { return jwt.verify(token, KEY); } catch { return { id: 'guest', role: 'viewer' }; }
        }
        """);
    assertTrue(use.failureSwallowed());
  }

  @Test
  void reportsAVerifyWhoseCatchReturnsTheDecodedClaims() {
    List<TokenUse> uses = JsSources.of("a.js", """
        const jwt = require('jsonwebtoken');
        function user(token) {
          try { return jwt.verify(token, KEY); } catch { return jwt.decode(token); }
        }
        """).tokenUses();
    assertTrue(uses.get(0).failureSwallowed());
  }

  @Test
  void acceptsAVerifyWhoseCatchRejects() {
    for (String handler : List.of("return null;", "throw err;", "ws.close(4401);", "socket.destroy();",
        "return cb(false, 401);", "return res.status(401).end();", "return next(err);")) {
      TokenUse use = only("a.js", """
          const jwt = require('jsonwebtoken');
          function check(token, ws, socket, cb, res, next) {
            try { return jwt.verify(token, KEY); } catch (err) { %s }
          }
          """.formatted(handler));
      assertFalse(use.failureSwallowed(), handler);
    }
  }

  @Test
  void acceptsACatchThatReturnsThroughALocalRejectingHelper() {
    TokenUse use = only("a.js", """
        const jwt = require('jsonwebtoken');
        function refuse(socket, code) {
          socket.end(`HTTP/1.1 ${code} Unauthorized\\r\\n\\r\\n`);
        }
        server.on('upgrade', (req, socket, head) => {
          let claims;
          try { claims = jwt.verify(req.headers.authorization, KEY); } catch (err) { return refuse(socket, 401); }
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, claims));
        });
        """);
    assertFalse(use.failureSwallowed());
  }

  @Test
  void reportsACatchThatReturnsThroughALocalHelperThatOnlyLogs() {
    TokenUse use = only("a.js", """
        const jwt = require('jsonwebtoken');
        function note(err) {
          console.warn('token rejected', err.message);
        }
        function identify(token) {
          let claims = { sub: 'guest' };
          try { claims = jwt.verify(token, KEY); } catch (err) { note(err); }
          return claims;
        }
        """);
    assertTrue(use.failureSwallowed());
  }

  @Test
  void acceptsACatchFollowedByACheckOfTheResult() {
    TokenUse use = only("a.js", """
        const jwt = require('jsonwebtoken');
        function check(token, ws) {
          let user = null;
          try { user = jwt.verify(token, KEY); } catch (err) { console.log(err); }
          if (!user) { ws.close(); return; }
          return user;
        }
        """);
    assertFalse(use.failureSwallowed());
  }

  @Test
  void reportsAVerifyCallbackThatIgnoresItsError() {
    JsSources sources = JsSources.of("a.js", """
        const jwt = require('jsonwebtoken');
        jwt.verify(token, KEY, (err, decoded) => {
          req.user = decoded;
          next();
        });
        """);
    TokenUse use = sources.tokenUses().get(0);
    assertTrue(use.failureSwallowed());
    assertEquals(sources.line("a.js", "(err, decoded) =>"), use.swallowedAt().startLine());
  }

  @Test
  void acceptsAVerifyCallbackThatStopsOrPassesItsError() {
    for (String body : List.of("if (err) return cb(false, 401); cb(true);", "cb(!err, 401);",
        "if (err) { throw err; } ok(decoded);", "err ? reject(err) : resolve(decoded);")) {
      TokenUse use = only("a.js", """
          const jwt = require('jsonwebtoken');
          jwt.verify(token, KEY, (err, decoded) => { %s });
          """.formatted(body));
      assertFalse(use.failureSwallowed(), body);
    }
  }

  @Test
  void readsJoseAndFirebaseVerifiers() {
    List<TokenUse> uses = JsSources.of("a.js", """
        import { jwtVerify } from 'jose';
        import admin from 'firebase-admin';
        const { payload } = await jwtVerify(token, key);
        const decoded = await admin.auth().verifyIdToken(idToken);
        """).tokenUses();
    assertEquals(List.of("jose.jwtVerify", "admin.auth.verifyIdToken"),
        uses.stream().map(TokenUse::library).toList());
    assertTrue(uses.stream().allMatch(TokenUse::signatureChecked));
  }

  @Test
  void leavesSessionStoreLookupsOutOfTokenUses() {
    assertTrue(JsSources.of("a.js", "const s = await sessionStore.get(sid);").tokenUses().isEmpty());
  }

  @Test
  void reportsAPromiseCatchThatCarriesOn() {
    TokenUse use = only("a.js", """
        import { jwtVerify } from 'jose';
        const claims = await jwtVerify(token, key).catch(() => ({ payload: { sub: 'anonymous' } }));
        """);
    assertTrue(use.failureSwallowed());
  }
}
