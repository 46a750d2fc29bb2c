package dev.wsguard.js.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.JsSources;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportedVerifiersTest {
  private static List<Verifier> verifiers(String path, String source) {
    return JsSources.of(path, source).facts(path).verifiers();
  }

  private static Verifier only(String path, String source) {
    List<Verifier> all = verifiers(path, source);
    assertEquals(1, all.size(), "verifiers: " + all);
    return all.get(0);
  }

  @Test
  void aTokenVerifierThatReturnsNullOnFailure() {
    Verifier v = only("src/auth.js", """
        const jwt = require('jsonwebtoken');
        function verifyToken(token) {
          try {
            return jwt.verify(token, process.env.JWT_SECRET);
          } catch {
            return null;
          }
        }
        module.exports = { verifyToken };
        """);
    assertEquals("verifyToken", v.name());
    assertNull(v.container());
    assertEquals(Verifier.Input.TOKEN, v.input());
    assertEquals(Verifier.Failure.RETURNS_FALSY, v.failure());
    assertFalse(v.async());
    assertFalse(v.instance());
    assertEquals(2, v.location().startLine());
  }

  @Test
  void aRequestVerifierThatThrowsAndReturnsTheUserItBuilds() {
    Verifier v = only("src/auth.mjs", """
        import jwt from 'jsonwebtoken';

        export function authenticate(req) {
          const header = req.headers.authorization ?? '';
          const claims = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET);
          return { id: claims.sub, role: claims.role };
        }
        """);
    assertEquals("authenticate", v.name());
    assertEquals(Verifier.Input.REQUEST, v.input());
    assertEquals(Verifier.Failure.THROWS, v.failure());
    assertFalse(v.async());
  }

  @Test
  void anAsyncDefaultExportReadingTheQueryString() {
    Verifier v = only("src/verify-socket.ts", """
        import { jwtVerify } from 'jose';
        import type { IncomingMessage } from 'http';

        const key = new TextEncoder().encode(process.env.JWT_SECRET);

        export default async function (request: IncomingMessage) {
          const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
          if (!token) {
            return null;
          }
          const { payload } = await jwtVerify(token, key);
          return payload;
        }
        """);
    assertEquals("default", v.name());
    assertEquals(Verifier.Input.REQUEST, v.input());
    assertTrue(v.async());
    // no token gives null, a bad one rejects: a caller must test the result (and catch)
    assertEquals(Verifier.Failure.RETURNS_FALSY, v.failure());
  }

  @Test
  void aFunctionReturningAPromiseIsAsyncEvenWithoutTheKeyword() {
    Verifier v = only("lib/token.js", """
        const jwt = require('jsonwebtoken');
        exports.checkToken = (token) => new Promise((resolve, reject) => {
          jwt.verify(token, process.env.SECRET, (err, decoded) => (err ? reject(err) : resolve(decoded)));
        });
        """);
    assertEquals("checkToken", v.name());
    assertTrue(v.async());
  }

  @Test
  void aWrapperOfAnotherModulesVerifierIsOneToo() {
    List<dev.wsguard.core.model.FileFacts> facts = JsSources.of("src/ws-auth.js", """
        const { verifyToken } = require('./jwt');
        function userFromRequest(req) {
          const token = (req.headers['sec-websocket-protocol'] || '').split(',')[0].trim();
          return verifyToken(token);
        }
        module.exports = userFromRequest;
        """).with("src/jwt.js", """
        const jwt = require('jsonwebtoken');
        async function verifyToken(token) {
          try {
            return jwt.verify(token, process.env.SECRET);
          } catch {
            return null;
          }
        }
        module.exports = { verifyToken };
        """).link();
    Verifier wrapper = facts.stream().filter(f -> f.path().equals("src/ws-auth.js")).findFirst().orElseThrow()
        .verifiers().get(0);
    assertEquals("default", wrapper.name());
    assertEquals(Verifier.Input.REQUEST, wrapper.input());
    // the helper it returns is async: so is the wrapper, though it has no async keyword of its own
    assertTrue(wrapper.async());
  }

  @Test
  void aDecodeOnlyHelperIsNoVerifier() {
    assertEquals(List.of(), verifiers("src/auth.js", """
        const jwt = require('jsonwebtoken');
        function verifyToken(token) {
          const claims = jwt.decode(token);
          if (!claims) {
            return null;
          }
          return claims;
        }
        module.exports = { verifyToken };
        """));
  }

  @Test
  void aHelperThatSwallowsTheFailureAndReturnsThePayloadAnywayIsNoVerifier() {
    assertEquals(List.of(), verifiers("src/auth.js", """
        const jwt = require('jsonwebtoken');
        export function verifyToken(token) {
          try {
            return jwt.verify(token, process.env.SECRET);
          } catch (err) {
            console.warn('token check failed', err.message);
            return jwt.decode(token);
          }
        }
        """));
  }

  @Test
  void aHelperNamedVerifyTokenThatChecksNothingIsNoVerifier() {
    assertEquals(List.of(), verifiers("src/auth.js", """
        function verifyToken(token) {
          if (typeof token !== 'string' || token.length < 20) {
            return null;
          }
          return { token };
        }
        module.exports = { verifyToken };
        """));
  }

  @Test
  void aVerifierThatAnswersTrueGivesNoUserToAttach() {
    assertEquals(List.of(), verifiers("src/auth.js", """
        const jwt = require('jsonwebtoken');
        function isValidToken(token) {
          try {
            jwt.verify(token, process.env.SECRET);
            return true;
          } catch {
            return false;
          }
        }
        module.exports = { isValidToken };
        """));
  }

  @Test
  void aStubThatRejectsEveryoneIsNoVerifier() {
    assertEquals(List.of(), verifiers("src/auth.js", """
        export function authenticateUpgrade(request) {
          return null;
        }
        """));
  }

  @Test
  void expressOnlyRequestReadsAndCallbackStyleAndUnexportedFunctionsAreLeftOut() {
    assertEquals(List.of(), verifiers("src/auth.js", """
        const jwt = require('jsonwebtoken');
        // req.cookies needs cookie-parser, which never runs on an upgrade request
        function fromCookie(req) {
          try {
            return jwt.verify(req.cookies.session, process.env.SECRET);
          } catch {
            return null;
          }
        }
        function verifyWithCallback(token, done) {
          jwt.verify(token, process.env.SECRET, (err, claims) => done(err, claims));
        }
        function verifyToken(token) {
          try {
            return jwt.verify(token, process.env.SECRET);
          } catch {
            return null;
          }
        }
        module.exports = { fromCookie, verifyWithCallback };
        """));
  }

  @Test
  void classMethodsAreLeftOut() {
    assertEquals(List.of(), verifiers("src/auth.service.ts", """
        import { Injectable } from '@nestjs/common';
        import { JwtService } from '@nestjs/jwt';

        @Injectable()
        export class AuthService {
          constructor(private readonly jwt: JwtService) {}

          verifyToken(token: string) {
            try {
              return this.jwt.verify(token);
            } catch {
              return null;
            }
          }
        }
        """));
  }
}
