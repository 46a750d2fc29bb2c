package dev.wsguard.js.analysis;

import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What calls do for authentication: verify and decode calls of token libraries (from the data tables), hand-rolled
 * decodes, session parsers, credential parsers, and calls to project functions that may verify (judged at link
 * time from their summaries). Memoised per call.
 */
final class Calls {
  private static final Set<String> AUTHISH_WORDS = Set.of("verify", "verified", "authenticate", "authenticated",
      "auth", "token", "jwt", "session", "login", "signin", "credential", "credentials", "bearer", "identity",
      "principal", "whoami", "decode");
  private static final Set<String> CREDENTIAL_WORDS = Set.of("token", "jwt", "bearer", "authorization", "cookie",
      "cookies", "credential", "credentials", "sid", "apikey", "key", "session", "ticket", "password", "pass");

  private final FileContext cx;
  private final Map<Node, CallKind> callKinds = new IdentityHashMap<>();
  private final Map<Node, CallKind> tokenKinds = new IdentityHashMap<>();

  Calls(FileContext cx) {
    this.cx = cx;
  }


  /** True for a verify or decode call, a session parser, or a project helper that may verify. */
  boolean isAuthCall(Node call) {
    CallKind.Type type = classify(call).type();
    return type != CallKind.Type.NONE && type != CallKind.Type.CREDENTIAL_PARSER;
  }

  /** What a call does for authentication; memoised. */
  CallKind classify(Node call) {
    CallKind cached = callKinds.get(call);
    if (cached == null) {
      cached = classifyUncached(call);
      callKinds.put(call, cached);
    }
    return cached;
  }

  /** A verify or decode call of a token library (or a hand-rolled decode); NONE for anything else. Memoised. */
  CallKind tokenCall(Node call) {
    CallKind cached = tokenKinds.get(call);
    if (cached == null) {
      cached = tokenCallUncached(call);
      tokenKinds.put(call, cached);
    }
    return cached;
  }

  private CallKind tokenCallUncached(Node call) {
    if (!call.is("call_expression")) {
      return CallKind.NONE;
    }
    Node callee = Syntax.callee(call);
    if (callee == null) {
      return CallKind.NONE;
    }
    Api api = cx.resolver().resolve(callee);
    List<String> chain = calleeChain(callee);
    if (cx.tables().isSessionStore(api, chain) || isSessionLookup(call, chain)) {
      String library = CallKind.SESSION_STORE + String.join(".", chain);
      return new CallKind(CallKind.Type.VERIFY, Term.auth(Strength.VERIFIED, call.location(), library),
          ApiTables.Failure.RESULT, null, library);
    }
    ApiTables.Failure failure = cx.tables().verifier(api, chain);
    if (failure != null) {
      SourceLocation at = call.location();
      String library = api != null && !api.isGlobal() ? api.qualified() : String.join(".", chain);
      return new CallKind(CallKind.Type.VERIFY, Term.auth(Strength.VERIFIED, at, library), failure, null, library,
          cx.tables().verifierCredential(api, chain));
    }
    if (cx.tables().isDecoder(api, chain)) {
      SourceLocation at = call.location();
      String library = api != null ? api.qualified() : String.join(".", chain);
      return new CallKind(CallKind.Type.DECODE, Term.auth(Strength.DECODED_ONLY, at, library), null, null, library);
    }
    if (ManualDecode.isManualDecode(call, api, cx)) {
      SourceLocation at = call.location();
      String library = "manual base64 decode of the token payload";
      return new CallKind(CallKind.Type.DECODE, Term.auth(Strength.DECODED_ONLY, at, library), null, null, library);
    }
    return CallKind.NONE;
  }

  private CallKind classifyUncached(Node call) {
    CallKind token = tokenCall(call);
    if (token.type() != CallKind.Type.NONE || !call.is("call_expression")) {
      return token;
    }
    Node callee = Syntax.callee(call);
    if (callee == null) {
      return CallKind.NONE;
    }
    Api api = cx.resolver().resolve(callee);
    List<String> chain = calleeChain(callee);
    String credential = cx.tables().credentialParser(api, chain);
    if (credential != null) {
      SourceLocation at = call.location();
      String library = api != null ? api.qualified() : String.join(".", chain);
      return new CallKind(CallKind.Type.CREDENTIAL_PARSER, Term.auth(Strength.VERIFIED, at, library), null, null,
          credential);
    }
    if (isSessionParser(callee, api, chain)) {
      Term term = Term.auth(Strength.VERIFIED, call.location(), "session parser " + Syntax.compact(callee));
      return new CallKind(CallKind.Type.SESSION_PARSER, term, null, null, "express-session");
    }
    return helperCall(call, callee, api);
  }

  /** An expression that names a session middleware, whether or not it is called here. */
  boolean namesSessionParser(Node expr) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null) {
      return false;
    }
    if (e.is("call_expression")) {
      // session({...}) passed straight to a use() call
      return cx.tables().isSessionParser(cx.resolver().resolve(Syntax.callee(e)), List.of());
    }
    return isSessionParser(e, cx.resolver().resolve(e), calleeChain(e));
  }

  private boolean isSessionParser(Node callee, Api api, List<String> chain) {
    if (cx.tables().isSessionParser(api, chain)) {
      return true;
    }
    // const sessionParser = session({...}) with session from express-session
    if (callee.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(callee);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      Node init = declarator == null ? null : Syntax.unwrapAwait(declarator.child("value"));
      if (init != null && init.is("call_expression")) {
        Api factory = cx.resolver().resolve(Syntax.callee(init));
        return cx.tables().isSessionParser(factory, List.of());
      }
    }
    return false;
  }

  private CallKind helperCall(Node call, Node callee, Api api) {
    String name = Syntax.lastName(callee);
    if (name == null) {
      return CallKind.NONE;
    }
    boolean authish = looksLikeAuth(name);
    boolean credentialArgument = Syntax.arguments(call).stream().anyMatch(this::carriesCredential);
    Node local = cx.localFunction(callee);
    FunctionRef ref = null;
    if (local != null) {
      ref = FunctionRef.local(cx.path(), cx.summaries().keyOf(local));
    } else if (api != null && !api.isGlobal() && api.path().size() <= 1) {
      if (api.isRelative() && (authish || credentialArgument)) {
        ref = FunctionRef.imported(cx.path(), api.module(), api.exportName());
      } else if (!api.isRelative() && authish && credentialArgument) {
        // a package's auth function handed the request or a token; admin.auth() alone is no check
        ref = FunctionRef.imported(cx.path(), api.module(), api.exportName());
      }
    } else if (api != null && api.isRelative() && api.path().size() == 2 && injected(callee)
        && (authish || credentialArgument)) {
      // this.authService.verifyToken(t) with an injected AuthService of the project: that class's method
      ref = FunctionRef.imported(cx.path(), api.module(), api.path().get(0) + "." + api.path().get(1));
    }
    if (ref == null || local != null && !(authish || credentialArgument)) {
      return CallKind.NONE;
    }
    Term term = Term.helper(ref, false, call.location(), Syntax.compact(callee));
    return new CallKind(CallKind.Type.HELPER, term, null, ref, name);
  }

  /** {@code this.member.method}: a method called on a member of the class (an injected service). */
  private static boolean injected(Node callee) {
    Node object = callee.is("member_expression") ? Syntax.unwrap(callee.child("object")) : null;
    Node self = object != null && object.is("member_expression") ? Syntax.unwrap(object.child("object")) : null;
    return self != null && self.is("this");
  }

  static boolean looksLikeAuth(String name) {
    for (String w : Words.split(name)) {
      if (AUTHISH_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** An argument that hands over a credential: the upgrade request itself, or a token-ish value. */
  boolean carriesCredential(Node argument) {
    Node a = Syntax.unwrapAwait(argument);
    if (a == null) {
      return false;
    }
    if (a.is("spread_element") || a.is("object")) {
      for (Node n : a.namedChildren()) {
        Node value = n.is("pair") ? n.child("value") : n;
        if (value != null && value != a && carriesCredential(value)) {
          return true;
        }
      }
      return false;
    }
    Role role = cx.roleOfExpression(a);
    if (role == Role.REQUEST || role == Role.CLIENT_INFO) {
      return true;
    }
    String name = Syntax.lastName(a);
    if (name != null && Words.anyIn(name, CREDENTIAL_WORDS) != null) {
      return true;
    }
    if (a.is("call_expression")) {
      // searchParams.get('token'), cookies.get('sid')
      String key = Syntax.stringValue(Syntax.argument(a, 0));
      return key != null && Words.anyIn(key, CREDENTIAL_WORDS) != null;
    }
    if (a.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(a);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      Node init = declarator == null ? null : declarator.child("value");
      return init != null && declarator.child("name") == declaration && !Syntax.isFunction(init)
          && init != argument && carriesCredentialShallow(init);
    }
    return false;
  }

  private boolean carriesCredentialShallow(Node init) {
    Node e = Syntax.unwrapAwait(init);
    if (e == null) {
      return false;
    }
    for (Node n : e.descendants()) {
      if (n.isAny("property_identifier", "identifier") && Words.anyIn(n.text(), CREDENTIAL_WORDS) != null) {
        return true;
      }
      String s = n.is("string") ? Syntax.stringValue(n) : null;
      if (s != null && Words.anyIn(s, CREDENTIAL_WORDS) != null) {
        return true;
      }
    }
    return false;
  }

  /** A key naming a session: {@code 'sess:' + sid}, {@code `session:${id}`}, {@code sessionId}, {@code userSid}. */
  private static final Pattern SESSION_KEY = Pattern.compile("(?<![A-Za-z])(sid|sess|Sess)|Sid(?![a-z])");

  /**
   * A read of a store keyed by a session id ({@code redis.get('sess:' + sid)}, {@code store.get(sid, cb)},
   * {@code redis.hgetall(`session:${id}`)}): it returns the session the id names, or nothing.
   */
  private boolean isSessionLookup(Node call, List<String> chain) {
    if (chain.size() < 2) {
      return false;
    }
    String receiver = chain.get(chain.size() - 2);
    List<String> receiverWords = Words.split(receiver);
    boolean store = cx.tables().isDbReceiver(receiver) || receiverWords.contains("session")
        || receiverWords.contains("sessions") || receiverWords.contains("store") || receiverWords.contains("redis");
    if (!store) {
      return false;
    }
    String method = chain.get(chain.size() - 1);
    String bare = method.matches("h(m)?get(all)?") ? "get" : method;
    List<String> words = Words.split(bare);
    if (words.isEmpty() || !cx.tables().isDbReadVerb(words.get(0))) {
      return false;
    }
    Node key = Syntax.argument(call, 0);
    return key != null && SESSION_KEY.matcher(key.text()).find() && fromCookie(key);
  }

  /** The key is read from the request's cookies: {@code const { sid } = cookie.parse(req.headers.cookie)}. */
  private boolean fromCookie(Node key) {
    if (key.text().toLowerCase(Locale.ROOT).contains("cookie")) {
      return true;
    }
    List<Node> ids = new ArrayList<>();
    if (key.is("identifier")) {
      ids.add(key);
    }
    for (Node n : key.descendants()) {
      if (n.is("identifier")) {
        ids.add(n);
      }
    }
    for (Node id : ids) {
      Node declaration = cx.scopes().declarationOf(id);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      Node value = declarator == null ? null : declarator.child("value");
      if (value != null && value.text().toLowerCase(Locale.ROOT).contains("cookie")) {
        return true;
      }
    }
    return false;
  }

  /** The names along a callee: {@code [admin, auth, verifyIdToken]} for {@code admin.auth().verifyIdToken}. */
  static List<String> calleeChain(Node callee) {
    List<String> reversed = new ArrayList<>();
    Node e = Syntax.unwrap(callee);
    while (e != null) {
      if (e.is("member_expression")) {
        Node p = e.child("property");
        reversed.add(p == null ? "" : p.text());
        e = Syntax.unwrap(e.child("object"));
      } else if (e.is("call_expression")) {
        e = Syntax.callee(e);
      } else if (e.isAny("identifier", "this")) {
        reversed.add(e.text());
        break;
      } else {
        break;
      }
    }
    List<String> chain = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      chain.add(reversed.get(i));
    }
    return chain;
  }
}
