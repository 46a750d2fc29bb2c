package dev.wsguard.js.frameworks.uws;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Policy;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.Set;

/** What accepting and rejecting mean in a uWebSockets.js {@code upgrade} handler. */
final class UwsPolicies {
  /** HttpResponse methods that answer the request, so no upgrade follows on that path. */
  private static final Set<String> ANSWERING = Set.of("end", "endWithoutBody", "tryEnd", "close");

  private UwsPolicies() {}

  /**
   * {@code res.upgrade(...)} accepts; {@code res.writeStatus('401 Unauthorized').end()} and {@code res.close()}
   * reject. Callbacks that hold the upgrade ({@code res.cork(() => res.upgrade(...))}) are walked where they are
   * passed.
   */
  static Policy upgrade(FileContext cx, Node res) {
    return new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        return "upgrade".equals(Syntax.calleeName(call)) && onResponse(cx, res, call) ? call : null;
      }

      @Override
      public boolean rejects(Node call) {
        String method = Syntax.calleeName(call);
        return method != null && ANSWERING.contains(method) && onResponse(cx, res, call);
      }

      @Override
      public boolean containsAccept(Node fn) {
        return Policy.anyCall(fn, c -> acceptCondition(c) != null);
      }
    };
  }

  /** The call's receiver chain starts at the response ({@code res.writeStatus('401').end()}). */
  private static boolean onResponse(FileContext cx, Node res, Node call) {
    Node e = Syntax.unwrap(Syntax.receiver(call));
    while (e != null && (e.is("call_expression") || e.is("member_expression"))) {
      e = Syntax.unwrap(e.is("call_expression") ? Syntax.callee(e) : Syntax.object(e));
    }
    return res != null && e != null && e.is("identifier") && cx.scopes().declarationOf(e) == res;
  }
}
