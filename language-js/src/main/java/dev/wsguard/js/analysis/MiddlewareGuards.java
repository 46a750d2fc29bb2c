package dev.wsguard.js.analysis;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the HTTP middleware that route-style frameworks (express-ws, @fastify/websocket) run on the upgrade request
 * into handshake guards: a function of the file walked under a {@link MiddlewarePolicies} policy, a known verifying
 * middleware factory (express-jwt, passport.authenticate), a session middleware, or a middleware wsguard cannot read.
 */
public final class MiddlewareGuards {
  private final FileContext cx;
  private final ConnectionAnalysis connections;

  public MiddlewareGuards(FileContext cx) {
    this.cx = cx;
    this.connections = new ConnectionAnalysis(cx);
  }

  /**
   * For a session middleware ({@code session({...})} of express-session, or a binding of one): the term a later
   * {@code req.session.userId} check stands on; null for anything else.
   */
  public Term sessionMiddleware(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e == null) {
      return null;
    }
    Node init = e;
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      init = declarator == null || declarator.child("name") != declaration ? null
          : Syntax.unwrapAwait(declarator.child("value"));
    }
    if (init == null || !init.is("call_expression")) {
      return null;
    }
    Api factory = cx.resolver().resolve(Syntax.callee(init));
    if (!cx.tables().isSessionParser(factory, List.of())) {
      return null;
    }
    return Term.auth(Strength.VERIFIED, e.location(), "session middleware " + Syntax.compact(e));
  }

  /**
   * A middleware built by a factory that verifies and ends the request on failure ({@code expressjwt({...})},
   * {@code passport.authenticate('jwt', ...)}): a verified guard on every path; null for any other expression.
   */
  public GuardFact knownMiddleware(Node expr, String description) {
    Node e = Syntax.unwrap(expr);
    if (e != null && e.is("identifier")) {
      // const requireJwt = expressjwt({...}); app.ws('/x', requireJwt, handler)
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      e = declarator == null || declarator.child("name") != declaration ? null
          : Syntax.unwrapAwait(declarator.child("value"));
    }
    if (e == null || !e.is("call_expression")) {
      return null;
    }
    Api factory = cx.resolver().resolve(Syntax.callee(e));
    String credential = cx.tables().authMiddlewareCredential(factory);
    if (credential == null) {
      return null;
    }
    Set<CredentialSource> read = EnumSet.of(CredentialSource.valueOf(credential));
    if (credential.equals("UNKNOWN")) {
      read = passportCredential(e);
    }
    Term verified = Term.auth(Strength.VERIFIED, e.location(), factory.qualified());
    PathFact path = new PathFact(List.of(verified), List.of(List.of()));
    Node used = Syntax.unwrap(expr);
    return new GuardFact(GuardPlace.HANDSHAKE, description + " " + Syntax.compact(used), used.location(),
        e.location(), List.of(path), List.of(verified), read, null, null);
  }

  /** The credential a passport strategy reads, by the strategy's registered name. */
  private static Set<CredentialSource> passportCredential(Node call) {
    String strategy = Syntax.stringValue(Syntax.argument(call, 0));
    String name = strategy == null ? "" : strategy.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "jwt", "bearer", "oauth-bearer", "headerapikey" -> EnumSet.of(CredentialSource.HEADER_TOKEN);
      case "session" -> EnumSet.of(CredentialSource.HTTP_SESSION);
      case "basic", "digest" -> EnumSet.of(CredentialSource.HTTP_AUTH);
      case "client-cert" -> EnumSet.of(CredentialSource.CLIENT_CERT);
      default -> EnumSet.of(CredentialSource.UNKNOWN);
    };
  }

  /**
   * Walks a middleware function of the file: a guard when it verifies a credential or checks the Origin, null when
   * it checks neither (a logger, a body parser).
   */
  public GuardFact walk(Node fn, Policy policy, Term session, String description, SourceLocation at) {
    Flow.Result result = Flow.walk(cx, fn, policy, session);
    boolean checksOrigin = result.seen().stream().anyMatch(Term::isOrigin)
        || result.accepts().stream().anyMatch(a -> a.paths().stream().anyMatch(
            p -> p.terms().stream().anyMatch(Term::isOrigin)));
    if (!result.verifiesAnything() && !checksOrigin) {
      return null;
    }
    GuardFact g = connections.guard(GuardPlace.HANDSHAKE, description, at, fn, result, null);
    if (session == null || !result.verifiesAnything()) {
      return g;
    }
    // the session cookie was read by the session middleware, not by this function
    Set<CredentialSource> read = EnumSet.of(CredentialSource.HTTP_SESSION);
    read.addAll(g.credentials());
    return new GuardFact(g.place(), g.description(), g.evidence(), g.region(), g.accepts(), g.seen(), read,
        g.earlySend(), g.delegate());
  }

  /**
   * A middleware wsguard cannot read (defined in another module, or built by a call it does not know): a guard of
   * unknown strength, with the reason among the endpoint's unknowns.
   */
  public GuardFact unreadable(Node expr, String description, List<String> unknowns) {
    String what = description + " " + Syntax.compact(expr);
    Api api = cx.resolver().resolve(Syntax.unwrap(expr));
    String why = api != null && api.isRelative()
        ? what + " is imported from '" + api.module() + "'; wsguard does not follow middleware across modules"
        : what + " is defined where wsguard did not read it";
    if (!unknowns.contains(why)) {
      unknowns.add(why);
    }
    Term unknown = Term.auth(Strength.UNKNOWN, expr.location(), what);
    return new GuardFact(GuardPlace.HANDSHAKE, what, expr.location(), expr.location(), List.of(), List.of(unknown),
        Set.of(), null, null);
  }
}
