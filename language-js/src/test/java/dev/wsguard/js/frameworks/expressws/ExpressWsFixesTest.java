package dev.wsguard.js.frameworks.expressws;

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

class ExpressWsFixesTest {
  private static final String PLAIN = """
      const express = require('express');
      const expressWs = require('express-ws');

      const app = express();
      expressWs(app);

      // live prices
      app.ws('/prices', (ws, req) => {
        ws.send('hello');
      });

      app.listen(3000);
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

  private static Verifier verifier(String path, String name, Verifier.Failure failure, boolean async) {
    return new Verifier(name, null, new SourceLocation(path, 1, 1, 1, 10, 0, 9), Verifier.Input.REQUEST, failure,
        async, false);
  }

  @Test
  void addsRouteMiddlewareThatClosesBeforeTheHandlerUntilWired() {
    Endpoint e = JsSources.of("app.js", PLAIN).endpoint();
    Fix fix = render(new FixIntent.AddUpgradeAuth(e), "app.js", PLAIN, FixContext.EMPTY).orElseThrow();
    String patched = apply(PLAIN, fix);
    assertEquals("""
        const express = require('express');
        const expressWs = require('express-ws');

        const app = express();
        expressWs(app);

        // live prices
        app.ws('/prices', authenticateWs, (ws, req) => {
          ws.send('hello');
        });

        // express-ws calls route middleware as (ws, req, next) before the handler, which runs only on next()
        function authenticateWs(ws, req, next) {
          const user = authenticateUpgrade(req);
          if (!user) {
            ws.close(1008, 'Unauthorized');
            return;
          }
          req.user = user;
          next();
        }

        // Refuses every connection until it is wired to the app's own check of the request's credential (its session
        // cookie, or a token verified with the app's key): return the user, or null to refuse.
        function authenticateUpgrade(req) {
          return null;
        }

        app.listen(3000);
        """, patched);
    // what the patch inserts is what the recogniser takes for authentication at the handshake
    assertTrue(JsSources.of("app.js", patched).endpoint().authenticated());
  }

  @Test
  void putsTheOriginCheckFirstAndComposesWithAuthentication() {
    Endpoint e = JsSources.of("app.js", PLAIN).endpoint();
    Fix auth = render(new FixIntent.AddUpgradeAuth(e), "app.js", PLAIN, FixContext.EMPTY).orElseThrow();
    Fix origin = render(new FixIntent.RestrictOrigins(e), "app.js", PLAIN, FixContext.EMPTY).orElseThrow();
    String patched = apply(PLAIN, auth, origin);
    assertTrue(patched.contains("app.ws('/prices', checkWsOrigin, authenticateWs, (ws, req) => {"), patched);
    assertTrue(patched.contains("""
        // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
        const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

        // Route middleware: a browser page from any other Origin is refused before the handler runs
        function checkWsOrigin(ws, req, next) {
          if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
            ws.close(1008, 'Forbidden');
            return;
          }
          next();
        }

        // live prices
        """), patched);
    Endpoint after = JsSources.of("app.js", patched).endpoint();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind());
    assertTrue(after.authenticated());
  }

  @Test
  void callsTheProjectsRequestVerifierWithItsImport() {
    String text = PLAIN;
    Endpoint e = JsSources.of("src/app.js", text).endpoint();
    FixContext context = new FixContext(List.of(verifier("src/auth.js", "sessionUser",
        Verifier.Failure.RETURNS_FALSY, false)));
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "src/app.js", text, context).orElseThrow());
    assertTrue(patched.startsWith("""
        const express = require('express');
        const expressWs = require('express-ws');
        const { sessionUser } = require('./auth');
        """), patched);
    assertTrue(patched.contains("""
        function authenticateWs(ws, req, next) {
          const user = sessionUser(req);
          if (!user) {
        """), patched);
    assertTrue(!patched.contains("authenticateUpgrade"), "no placeholder when the project's check is called");
  }

  @Test
  void awaitsAnAsyncVerifierInsideTryAndImportsItInTypeScript() {
    String text = """
        import express from 'express';
        import expressWs from 'express-ws';

        const { app } = expressWs(express());

        app.ws('/feed', (ws, req) => {
          ws.send('hi');
        });
        """;
    Endpoint e = JsSources.of("src/server.ts", text).endpoint();
    FixContext context = new FixContext(List.of(verifier("src/lib/sessions.ts", "default",
        Verifier.Failure.THROWS, true)));
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "src/server.ts", text, context)
        .orElseThrow());
    assertTrue(patched.startsWith("""
        import express from 'express';
        import expressWs from 'express-ws';
        import sessions from './lib/sessions';
        """), patched);
    assertTrue(patched.contains("""
        async function authenticateWs(
          ws: { close(code?: number, reason?: string): void },
          req: import('http').IncomingMessage & { user?: unknown },
          next: () => void,
        ): Promise<void> {
          let user;
          try {
            user = await sessions(req);
          } catch {
            user = null;
          }
          if (!user) {
        """), patched);
  }

  @Test
  void reusesItsOwnMiddlewareForTheNextRouteOfTheFile() {
    String text = PLAIN + """

        app.ws('/news', (ws) => ws.send('news'));
        """;
    List<Endpoint> both = JsSources.of("app.js", text).link().get(0).endpoints();
    Fix first = render(new FixIntent.AddUpgradeAuth(both.get(0)), "app.js", text, FixContext.EMPTY).orElseThrow();
    String once = apply(text, first);
    Endpoint news = JsSources.of("app.js", once).link().get(0).endpoints().stream()
        .filter(x -> !x.authenticated()).findFirst().orElseThrow();
    String twice = apply(once, render(new FixIntent.AddUpgradeAuth(news), "app.js", once, FixContext.EMPTY)
        .orElseThrow());
    assertTrue(twice.contains("app.ws('/news', authenticateWs, (ws) => ws.send('news'));"), twice);
    assertEquals(1, twice.split("function authenticateWs", -1).length - 1, twice);
  }

  @Test
  void refusesARouteThatAlreadyHasAnAuthenticationGuard() {
    String text = """
        const express = require('express');
        const expressWs = require('express-ws');
        const jwt = require('jsonwebtoken');

        const app = express();
        expressWs(app);

        function readUser(ws, req, next) {
          req.user = jwt.decode(req.query.token);
          next();
        }

        app.ws('/feed', readUser, (ws, req) => ws.send(req.user.sub));
        """;
    Endpoint e = JsSources.of("app.js", text).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(e), "app.js", text, FixContext.EMPTY).isEmpty());
  }

  @Test
  void refusesSpreadMiddlewareAndNamesTheFileAlreadyUses() {
    String spread = PLAIN.replace("app.ws('/prices', (ws, req)", "app.ws('/prices', ...common, (ws, req)")
        .replace("const app", "const common = [];\nconst app");
    Endpoint e = JsSources.of("app.js", spread).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(e), "app.js", spread, FixContext.EMPTY).isEmpty());
    assertTrue(render(new FixIntent.RestrictOrigins(e), "app.js", spread, FixContext.EMPTY).isEmpty());

    String taken = PLAIN.replace("const app", "const ALLOWED_ORIGINS = ['https://a.example'];\nconst "
        + "authenticateUpgrade = () => true;\nconst app");
    Endpoint t = JsSources.of("app.js", taken).endpoint();
    assertTrue(render(new FixIntent.RestrictOrigins(t), "app.js", taken, FixContext.EMPTY).isEmpty());
    assertTrue(render(new FixIntent.AddUpgradeAuth(t), "app.js", taken, FixContext.EMPTY).isEmpty());
  }
}
