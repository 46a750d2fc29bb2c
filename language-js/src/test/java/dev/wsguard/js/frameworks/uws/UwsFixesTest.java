package dev.wsguard.js.frameworks.uws;

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

class UwsFixesTest {
  private static final String PLAIN = """
      const uWS = require('uWebSockets.js');

      const app = uWS.App();

      app.ws('/*', {
        idleTimeout: 60,
        message: (ws, message) => {
          ws.send(message);
        },
      });

      app.listen(9001, () => {});
      """;

  private static Optional<Fix> render(FixIntent intent, String path, String text, FixContext context) {
    return new JsFixRenderer().render(intent, new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)), context);
  }

  private static String apply(String text, Fix fix) {
    List<TextEdit> edits = new ArrayList<>(fix.edits());
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), edits), StandardCharsets.UTF_8);
  }

  @Test
  void addsAnUpgradeHandlerThatReadsHeadersSynchronouslyAndAnswers401UntilWired() {
    Endpoint e = JsSources.of("server.js", PLAIN).endpoint();
    String patched = apply(PLAIN, render(new FixIntent.AddUpgradeAuth(e), "server.js", PLAIN, FixContext.EMPTY)
        .orElseThrow());
    assertEquals("""
        const uWS = require('uWebSockets.js');

        const app = uWS.App();

        app.ws('/*', {
          idleTimeout: 60,
          message: (ws, message) => {
            ws.send(message);
          },
          upgrade: (res, req, context) => {
            const user = authenticateUpgrade(req);
            if (!user) {
              res.writeStatus('401 Unauthorized').end();
              return;
            }
            res.upgrade(
              { user },
              req.getHeader('sec-websocket-key'),
              req.getHeader('sec-websocket-protocol'),
              req.getHeader('sec-websocket-extensions'),
              context,
            );
          },
        });

        // Refuses every connection until it is wired to the app's own check of the credential it reads with
        // req.getHeader() (before any await: uWS frees req when the upgrade handler returns): return the user, or
        // null to refuse.
        function authenticateUpgrade(req) {
          return null;
        }

        app.listen(9001, () => {});
        """, patched);
    assertTrue(JsSources.of("server.js", patched).endpoint().authenticated());
  }

  @Test
  void neverCallsANodeRequestVerifierWithUwssRequest() {
    Endpoint e = JsSources.of("server.js", PLAIN).endpoint();
    FixContext context = new FixContext(List.of(new Verifier("userOf", null,
        new SourceLocation("auth.js", 1, 1, 1, 5, 0, 4), Verifier.Input.REQUEST, Verifier.Failure.RETURNS_FALSY,
        false, false)));
    String patched = apply(PLAIN, render(new FixIntent.AddUpgradeAuth(e), "server.js", PLAIN, context).orElseThrow());
    assertTrue(patched.contains("const user = authenticateUpgrade(req);") && !patched.contains("userOf"), patched);
  }

  @Test
  void checksTheOriginFirstInAnExistingUpgradeHandler() {
    String text = """
        import uWS from 'uWebSockets.js';
        import { sessions } from './sessions.js';

        const app = uWS.App();

        app.ws('/board', {
          upgrade: (res, req, context) => {
            const user = sessions.get(req.getHeader('cookie'));
            if (!user) {
              res.writeStatus('401 Unauthorized').end();
              return;
            }
            res.upgrade({ user }, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
              req.getHeader('sec-websocket-extensions'), context);
          },
        });
        """;
    Endpoint e = JsSources.of("board.mjs", text).endpoint();
    String patched = apply(text, render(new FixIntent.RestrictOrigins(e), "board.mjs", text, FixContext.EMPTY)
        .orElseThrow());
    assertTrue(patched.contains("""
        // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
        const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

        app.ws('/board', {
          upgrade: (res, req, context) => {
            if (!ALLOWED_ORIGINS.has(req.getHeader('origin'))) {
              res.writeStatus('403 Forbidden').end();
              return;
            }
            const user = sessions.get(req.getHeader('cookie'));
        """), patched);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, JsSources.of("board.mjs", patched).endpoint().originPolicy().kind());
  }

  @Test
  void refusesWhereTheAcceptLogicOrTheUserDataTypeIsTheApps() {
    String withUpgrade = PLAIN.replace("  idleTimeout: 60,\n", "  idleTimeout: 60,\n"
        + "  upgrade: (res, req, context) => res.upgrade({}, req.getHeader('sec-websocket-key'), '', '', context),\n");
    Endpoint u = JsSources.of("server.js", withUpgrade).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(u), "server.js", withUpgrade, FixContext.EMPTY).isEmpty());
    // a one-line handler body has no line of its own for the check
    assertTrue(render(new FixIntent.RestrictOrigins(u), "server.js", withUpgrade, FixContext.EMPTY).isEmpty());
    // without an upgrade handler the Origin check waits for the authentication patch's handler
    Endpoint p = JsSources.of("server.js", PLAIN).endpoint();
    assertTrue(render(new FixIntent.RestrictOrigins(p), "server.js", PLAIN, FixContext.EMPTY).isEmpty());

    String typed = """
        import { App } from 'uWebSockets.js';

        interface Client { id: number }

        App().ws<Client>('/m', {
          open: (ws) => { ws.getUserData().id = 1; },
        }).listen(9001, () => {});
        """;
    Endpoint t = JsSources.of("m.ts", typed).endpoint();
    assertTrue(render(new FixIntent.AddUpgradeAuth(t), "m.ts", typed, FixContext.EMPTY).isEmpty());
  }
}
