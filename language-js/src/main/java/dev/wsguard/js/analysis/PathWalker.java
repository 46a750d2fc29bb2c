package dev.wsguard.js.analysis;

import dev.wsguard.core.model.Strength;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks one function over its paths and records where they end ({@link Outcome}s) and which evidence holds on each.
 * Branch conditions split paths ({@link Conditions}); verify calls add evidence and, when they can throw, send their
 * failure to the enclosing catch; a catch that carries on turns that failure into a fail-open path. Callbacks that
 * hold an accept, verify callbacks, session parsers and promise executors are walked where they are passed.
 * Statements nested deeper than a fixed bound are skipped, so pathological nesting cannot exhaust the stack.
 */
final class PathWalker {
  private static final int MAX_DEPTH = 160;
  private static final int MAX_PATHS = 48;
  private static final Set<String> THEN = Set.of("then");
  private static final Set<String> CATCH = Set.of("catch");

  /** How a call to a callback parameter ends a helper: {@code resolve(v)}, {@code reject(e)}, {@code cb(err, v)}. */
  enum Alias {
    RESOLVE,
    REJECT,
    NODE_CALLBACK,
    DECISION_CALLBACK,
    /** A middleware's {@code next}: {@code next()} lets the request through, {@code next(err)} stops it. */
    NEXT_CALLBACK
  }

  private final FileContext cx;
  private final Policy policy;
  private final Conditions conditions;
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<Term> seen = new ArrayList<>();
  private final Deque<List<Path>> catchers = new ArrayDeque<>();
  private final Deque<List<Path>> breakers = new ArrayDeque<>();
  private final Map<Node, Alias> aliases = new IdentityHashMap<>();
  private final Deque<Node> inline = new ArrayDeque<>();
  private int depth;

  PathWalker(FileContext cx, Policy policy) {
    this.cx = cx;
    this.policy = policy;
    this.conditions = new Conditions(cx);
  }

  void alias(Node declaration, Alias alias) {
    if (declaration != null) {
      aliases.put(declaration, alias);
    }
  }

  List<Outcome> outcomes() {
    return outcomes;
  }

  /** Every term added on any path, accepted or not (was anything verified at all?). */
  List<Term> seen() {
    return seen;
  }

  /** Walks a function from its start; returns the outcomes recorded so far. */
  List<Outcome> walk(Node fn, List<Path> start) {
    inline.push(fn);
    try {
      List<Path> end = body(fn, start);
      if (!end.isEmpty()) {
        outcomes.add(new Outcome(Outcome.Kind.END, fn, null, end));
      }
    } finally {
      inline.pop();
    }
    return outcomes;
  }

  private List<Path> body(Node fn, List<Path> in) {
    Node body = Syntax.body(fn);
    if (body == null) {
      return in;
    }
    if (body.is("statement_block")) {
      return block(Syntax.statements(body), in);
    }
    // a concise arrow returns its expression
    returnValue(body, body, expression(body, in));
    return List.of();
  }

  // ---- statements ----

  private List<Path> block(List<Node> statements, List<Path> in) {
    List<Path> paths = in;
    for (Node s : statements) {
      if (paths.isEmpty()) {
        break;
      }
      paths = statement(s, paths);
    }
    return paths;
  }

  private List<Path> statement(Node s, List<Path> in) {
    if (in.isEmpty()) {
      return in;
    }
    if (depth >= MAX_DEPTH) {
      return in;
    }
    depth++;
    try {
      if (policy.acceptsAt(s)) {
        accept(s, in);
      }
      return limit(dispatch(s, in));
    } finally {
      depth--;
    }
  }

  private List<Path> dispatch(Node s, List<Path> in) {
    switch (s.type()) {
      case "statement_block" -> {
        return block(Syntax.statements(s), in);
      }
      case "expression_statement" -> {
        Node e = s.namedChild(0);
        return e == null ? in : expression(e, in);
      }
      case "lexical_declaration", "variable_declaration" -> {
        List<Path> paths = in;
        for (Node declarator : s.namedChildren()) {
          Node value = declarator.child("value");
          if (value != null) {
            paths = expression(value, paths);
          }
        }
        return paths;
      }
      case "if_statement" -> {
        return ifStatement(s, in);
      }
      case "return_statement" -> {
        Node value = s.namedChild(0);
        List<Path> paths = value == null ? in : expression(value, in);
        returnValue(s, value, paths);
        return List.of();
      }
      case "throw_statement" -> {
        Node value = s.namedChild(0);
        List<Path> paths = value == null ? in : expression(value, in);
        raise(s, paths);
        return List.of();
      }
      case "try_statement" -> {
        return tryStatement(s, in);
      }
      case "switch_statement" -> {
        return switchStatement(s, in);
      }
      case "for_statement", "for_in_statement", "while_statement", "do_statement" -> {
        return loop(s, in);
      }
      case "break_statement", "continue_statement" -> {
        if (!breakers.isEmpty() && s.child("label") == null) {
          breakers.peek().addAll(in);
        }
        return List.of();
      }
      case "labeled_statement" -> {
        Node body = s.child("body");
        return body == null ? in : statement(body, in);
      }
      case "export_statement" -> {
        Node declaration = s.child("declaration");
        return declaration == null ? in : statement(declaration, in);
      }
      default -> {
        return in;
      }
    }
  }

  private List<Path> ifStatement(Node s, List<Path> in) {
    Node condition = s.child("condition");
    List<Path> paths = expression(condition, in);
    List<Path> thenPaths = new ArrayList<>();
    List<Path> elsePaths = new ArrayList<>();
    for (Path p : paths) {
      Conditions.Branches b = conditions.evaluate(condition, p);
      Path yes = p.withAll(b.whenTrue());
      Path no = p.withAll(b.whenFalse());
      if (b.neutral()) {
        yes = yes.withCondition(Syntax.compact(Syntax.unwrap(condition)));
        no = no.withCondition(negate(Syntax.unwrap(condition)));
      }
      note(b.whenTrue());
      note(b.whenFalse());
      thenPaths.add(yes);
      elsePaths.add(no);
    }
    Node consequence = s.child("consequence");
    Node alternative = s.child("alternative");
    List<Path> yes = Path.merge(thenPaths);
    List<Path> thenOut = consequence == null ? yes : statement(consequence, yes);
    List<Path> elseOut = Path.merge(elsePaths);
    if (alternative != null) {
      Node body = alternative.is("else_clause") ? alternative.namedChild(0) : alternative;
      elseOut = body == null ? elseOut : statement(body, elseOut);
    }
    return Path.concat(thenOut, elseOut);
  }

  private List<Path> tryStatement(Node s, List<Path> in) {
    List<Path> failures = new ArrayList<>();
    catchers.push(failures);
    List<Path> out;
    try {
      out = statement(s.child("body"), in);
    } finally {
      catchers.pop();
    }
    Node handler = s.child("handler");
    List<Path> caught = List.of();
    if (!failures.isEmpty()) {
      if (handler != null) {
        List<Path> entering = new ArrayList<>();
        for (Path p : failures) {
          entering.add(p);
        }
        List<Path> carriedOn = statement(handler.child("body"), Path.merge(entering));
        List<Path> after = new ArrayList<>();
        for (Path p : carriedOn) {
          after.add(failOpen(p, handler));
        }
        caught = Path.merge(after);
      } else {
        raise(s, failures);
      }
    }
    List<Path> result = Path.concat(out, caught);
    Node finalizer = s.child("finalizer");
    if (finalizer != null) {
      Node body = finalizer.child("body") != null ? finalizer.child("body") : finalizer.namedChild(0);
      result = body == null ? result : statement(body, result);
    }
    return result;
  }

  /** A path that carries on after a catch took a failed verification: it goes on unverified, failing open. */
  private Path failOpen(Path p, Node handler) {
    Term failed = p.pending;
    Path clean = p.withPending(null);
    if (failed == null) {
      return clean;
    }
    Term open;
    if (failed.kind() == Term.Kind.AUTH_HELPER) {
      open = new Term(Term.Kind.AUTH_HELPER_SWALLOWED, null, failed.helper(), false, failed.evidence(),
          failed.detail() + " (its failure is caught at line " + handler.line() + " and execution carries on)");
    } else {
      open = Term.auth(Strength.FAILS_OPEN, failed.evidence(),
          failed.detail() + " (its failure is caught at line " + handler.line() + " and execution carries on)");
    }
    note(List.of(open));
    return clean.with(open);
  }

  private List<Path> switchStatement(Node s, List<Path> in) {
    Node value = s.child("value");
    List<Path> paths = value == null ? in : expression(value, in);
    Node body = s.child("body");
    if (body == null) {
      return paths;
    }
    String discriminant = Syntax.compact(Syntax.unwrap(value));
    List<Path> exits = new ArrayList<>();
    breakers.push(exits);
    List<Path> fall = List.of();
    boolean hasDefault = false;
    try {
      for (Node c : body.namedChildren()) {
        List<Path> entry;
        if (c.is("switch_default")) {
          hasDefault = true;
          entry = paths;
          entry = mapCondition(entry, "default of " + discriminant);
        } else {
          Node caseValue = c.child("value");
          entry = mapCondition(paths, discriminant + " === " + Syntax.compact(caseValue));
        }
        entry = Path.concat(entry, fall);
        if (policy.acceptsAt(c)) {
          accept(c, entry);
        }
        fall = block(c.childrenOf("body"), entry);
      }
    } finally {
      breakers.pop();
    }
    List<Path> out = Path.concat(Path.merge(exits), fall);
    return hasDefault ? out : Path.concat(out, paths);
  }

  private static List<Path> mapCondition(List<Path> paths, String condition) {
    List<Path> out = new ArrayList<>(paths.size());
    for (Path p : paths) {
      out.add(p.withCondition(condition));
    }
    return out;
  }

  private List<Path> loop(Node s, List<Path> in) {
    List<Path> paths = in;
    for (String field : List.of("initializer", "right", "condition")) {
      Node part = s.child(field);
      if (part != null && !part.isAny("lexical_declaration", "variable_declaration")) {
        paths = expression(part, paths);
      } else if (part != null) {
        paths = statement(part, paths);
      }
    }
    List<Path> exits = new ArrayList<>();
    breakers.push(exits);
    List<Path> once;
    try {
      Node body = s.child("body");
      once = body == null ? paths : statement(body, paths);
    } finally {
      breakers.pop();
    }
    // zero or one iteration: what the body proves is not guaranteed afterwards
    return Path.concat(paths, Path.concat(once, Path.merge(exits)));
  }

  // ---- expressions ----

  /** Evaluates an expression's calls in order; conditional and logical expressions branch. */
  List<Path> expression(Node expr, List<Path> in) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null || in.isEmpty()) {
      return in;
    }
    switch (e.type()) {
      case "ternary_expression" -> {
        Node condition = e.child("condition");
        List<Path> paths = expression(condition, in);
        List<Path> yes = new ArrayList<>();
        List<Path> no = new ArrayList<>();
        for (Path p : paths) {
          Conditions.Branches b = conditions.evaluate(condition, p);
          yes.add(p.withAll(b.whenTrue()));
          no.add(p.withAll(b.whenFalse()));
        }
        return Path.concat(expression(e.child("consequence"), Path.merge(yes)),
            expression(e.child("alternative"), Path.merge(no)));
      }
      case "binary_expression" -> {
        String op = Syntax.operator(e);
        if ("&&".equals(op) || "||".equals(op) || "??".equals(op)) {
          Node left = e.child("left");
          List<Path> paths = expression(left, in);
          List<Path> goOn = new ArrayList<>();
          List<Path> stop = new ArrayList<>();
          for (Path p : paths) {
            Conditions.Branches b = conditions.evaluate(left, p);
            Path t = p.withAll(b.whenTrue());
            Path f = p.withAll(b.whenFalse());
            goOn.add("&&".equals(op) ? t : f);
            stop.add("&&".equals(op) ? f : t);
          }
          return Path.concat(Path.merge(stop), expression(e.child("right"), Path.merge(goOn)));
        }
        return calls(e, in);
      }
      case "sequence_expression" -> {
        List<Path> paths = in;
        for (Node part : e.namedChildren()) {
          paths = expression(part, paths);
        }
        return paths;
      }
      default -> {
        return calls(e, in);
      }
    }
  }

  /** The calls of an expression in evaluation order (arguments before the call), outside nested functions. */
  private List<Path> calls(Node e, List<Path> in) {
    List<Node> order = new ArrayList<>();
    Set<Node> skip = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    postOrderCalls(e, order);
    List<Path> paths = in;
    for (Node call : order) {
      if (paths.isEmpty()) {
        break;
      }
      if (skip.contains(call)) {
        continue;
      }
      paths = call(call, paths, skip);
    }
    return paths;
  }

  private static void postOrderCalls(Node root, List<Node> out) {
    Deque<Node> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      boolean done = expanded.pop();
      if (done) {
        if (n.isAny("call_expression", "new_expression")) {
          out.add(n);
        }
        continue;
      }
      stack.push(n);
      expanded.push(true);
      if (n != root && Syntax.isFunction(n)) {
        continue;
      }
      List<Node> children = n.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        Node c = children.get(i);
        if (Syntax.isFunction(c) || c.isNamed()) {
          stack.push(c);
          expanded.push(false);
        }
      }
    }
  }

  private List<Path> call(Node call, List<Path> in, Set<Node> skip) {
    if (call.is("new_expression")) {
      return newExpression(call, in);
    }
    Node callee = Syntax.callee(call);
    // resolve(v), reject(e), cb(err, v), done(ok) inside a helper
    if (callee != null && callee.is("identifier")) {
      Alias alias = aliases.get(cx.scopes().declarationOf(callee));
      if (alias != null) {
        aliasCall(call, alias, in);
        return List.of();
      }
    }
    if (policy.rejects(call)) {
      return List.of();
    }
    Node decides = policy.acceptCondition(call);
    if (decides != null) {
      acceptWhen(call, decides == call ? null : decides, in);
    }
    String method = Syntax.calleeName(call);
    if (method != null && (THEN.contains(method) || CATCH.contains(method)) && promiseChain(call, in, skip)) {
      return in;
    }
    // a function of the file that holds the accept (this.onUpgrade(req, socket, head)) runs where it is called
    Node local = decides == null ? cx.localFunction(callee) : null;
    if (local != null && !inline.contains(local) && policy.containsAccept(local)) {
      bindArguments(local, call);
      walkInline(local, in);
      return in;
    }
    CallKind kind = cx.classify(call);
    List<Path> paths = in;
    switch (kind.type()) {
      case VERIFY -> paths = verify(call, kind, in);
      case DECODE -> {
        paths = add(in, kind.term());
      }
      case HELPER -> paths = helper(call, kind, in);
      case SESSION_PARSER -> {
        Node fn = lastFunctionArgument(call);
        if (fn != null) {
          List<Path> inside = new ArrayList<>();
          for (Path p : in) {
            inside.add(p.withFact("session", kind.term()));
          }
          walkInline(fn, inside);
        }
      }
      default -> {
        // the callbacks of an accepting call (a message listener) run after the accept, not in its flow
        if (decides == null) {
          inlineCallbacks(call, in);
        }
      }
    }
    return paths;
  }

  private List<Path> verify(Node call, CallKind kind, List<Path> in) {
    Node fn = lastFunctionArgument(call);
    if (kind.failure() != ApiTables.Failure.THROWS && fn != null) {
      // jwt.verify(token, key, (err, decoded) => ...): the callback decides
      cx.override(declarationOfParameter(fn, 0), new Value.Failure(kind.term()));
      cx.override(declarationOfParameter(fn, 1), new Value.Verified(kind.term()));
      note(List.of(kind.term()));
      walkInline(fn, in);
      return in;
    }
    if (kind.failure() == ApiTables.Failure.RESULT) {
      // getToken() returns null on failure: only a check of its result verifies; unchecked, it lets anyone in
      return add(in, Term.auth(Strength.FAILS_OPEN, kind.term().evidence(),
          kind.library() + " (its result is not checked)"));
    }
    throwFrom(in, kind.term());
    return add(in, kind.term());
  }

  private List<Path> helper(Node call, CallKind kind, List<Path> in) {
    Node fn = lastFunctionArgument(call);
    if (fn != null) {
      // authenticate(req, (err, user) => ...): a node-style helper decides in its callback
      Term checked = kind.term().checked();
      cx.override(declarationOfParameter(fn, 0), new Value.Failure(checked));
      cx.override(declarationOfParameter(fn, 1), new Value.Verified(checked));
      note(List.of(checked));
      walkInline(fn, in);
      return in;
    }
    throwFrom(in, kind.term());
    return add(in, kind.term());
  }

  /** {@code verify(t).then(user => ...).catch(() => ...)}: the success callback runs verified, the catch not. */
  private boolean promiseChain(Node call, List<Path> in, Set<Node> skip) {
    Node root = call;
    List<Node> links = new ArrayList<>();
    while (root != null && root.is("call_expression")) {
      String name = Syntax.calleeName(root);
      if (name == null || !(THEN.contains(name) || CATCH.contains(name) || name.equals("finally"))) {
        break;
      }
      links.add(0, root);
      root = Syntax.unwrapAwait(Syntax.receiver(root));
    }
    if (root == null || !root.is("call_expression") || links.isEmpty()) {
      return false;
    }
    CallKind kind = cx.classify(root);
    if (kind.type() != CallKind.Type.VERIFY && kind.type() != CallKind.Type.HELPER) {
      return false;
    }
    for (Node n : root.descendants()) {
      skip.add(n);
    }
    for (Node link : links) {
      skip.add(link);
    }
    Term success = kind.term();
    // a lookup that resolves to nothing on failure (a session store) verifies only where its value is checked
    boolean resultDecides = kind.type() == CallKind.Type.VERIFY && kind.failure() == ApiTables.Failure.RESULT;
    List<Path> verified = resultDecides ? in : add(in, success);
    List<Path> failed = in;
    for (Node link : links) {
      String name = Syntax.calleeName(link);
      Node onSuccess = THEN.contains(name) ? Syntax.argument(link, 0) : null;
      Node onFailure = THEN.contains(name) ? Syntax.argument(link, 1) : CATCH.contains(name)
          ? Syntax.argument(link, 0) : null;
      Node successFn = onSuccess == null ? null : cx.localFunction(onSuccess);
      Node failureFn = onFailure == null ? null : cx.localFunction(onFailure);
      if (successFn != null) {
        cx.override(declarationOfParameter(successFn, 0), new Value.Verified(success.checked()));
        walkInline(successFn, verified);
      }
      if (failureFn != null) {
        walkInline(failureFn, failed);
      }
    }
    return true;
  }

  private List<Path> newExpression(Node call, List<Path> in) {
    // new Promise((resolve, reject) => ...): resolve returns, reject throws
    Node constructor = Syntax.unwrap(call.child("constructor"));
    if (constructor != null && constructor.text().equals("Promise")) {
      Node executor = Syntax.argument(call, 0);
      Node fn = executor == null ? null : cx.localFunction(executor);
      if (fn != null) {
        alias(declarationOfParameter(fn, 0), Alias.RESOLVE);
        alias(declarationOfParameter(fn, 1), Alias.REJECT);
        walkInline(fn, in);
      }
    }
    return in;
  }

  private void aliasCall(Node call, Alias alias, List<Path> in) {
    switch (alias) {
      case RESOLVE -> outcomes.add(new Outcome(Outcome.Kind.RETURN, call, Syntax.argument(call, 0), in));
      case REJECT -> raise(call, in);
      case NODE_CALLBACK -> {
        Node error = Syntax.argument(call, 0);
        if (error != null && !Syntax.isFalsyLiteral(error)) {
          raise(call, in);
        } else {
          outcomes.add(new Outcome(Outcome.Kind.RETURN, call, Syntax.argument(call, 1), in));
        }
      }
      case DECISION_CALLBACK -> outcomes.add(new Outcome(Outcome.Kind.RETURN, call, Syntax.argument(call, 0), in));
      case NEXT_CALLBACK -> {
        Node error = Syntax.argument(call, 0);
        if (error != null && !Syntax.isFalsyLiteral(error)) {
          raise(call, in);
        } else {
          // the call itself stands for the success: a value that is truthy whatever was verified
          outcomes.add(new Outcome(Outcome.Kind.RETURN, call, call, in));
        }
      }
      default -> { }
    }
  }

  /** Walks function arguments that hold an accept where they are passed (a callback that upgrades, say). */
  private void inlineCallbacks(Node call, List<Path> in) {
    for (Node argument : Syntax.arguments(call)) {
      Node fn = Syntax.isFunction(Syntax.unwrap(argument)) ? Syntax.unwrap(argument) : null;
      if (fn != null && policy.containsAccept(fn)) {
        walkInline(fn, in);
      }
    }
  }

  /** A local function walked where it is called takes its arguments' meanings and roles. */
  private void bindArguments(Node fn, Node call) {
    List<Node> params = Syntax.parameters(fn);
    List<Node> args = Syntax.arguments(call);
    for (int i = 0; i < params.size() && i < args.size(); i++) {
      Node param = params.get(i);
      if (!param.is("identifier")) {
        continue;
      }
      Value v = cx.valueOf(args.get(i));
      if (!(v instanceof Value.Unknown)) {
        cx.override(param, v);
      }
      Role role = cx.roleOfExpression(args.get(i));
      if (role != null && cx.roleOf(param) == null) {
        cx.role(param, role);
      }
    }
  }

  private void walkInline(Node fn, List<Path> in) {
    if (inline.contains(fn) || inline.size() > 24 || depth >= MAX_DEPTH) {
      return;
    }
    inline.push(fn);
    depth++;
    try {
      Deque<List<Path>> savedCatchers = new ArrayDeque<>(catchers);
      Deque<List<Path>> savedBreakers = new ArrayDeque<>(breakers);
      catchers.clear();
      breakers.clear();
      try {
        // falling off a callback's end accepts nothing; its accepts and returns were recorded on the way
        body(fn, in);
      } finally {
        catchers.clear();
        catchers.addAll(savedCatchers);
        breakers.clear();
        breakers.addAll(savedBreakers);
      }
    } finally {
      depth--;
      inline.pop();
    }
  }

  // ---- outcomes ----

  private void returnValue(Node at, Node value, List<Path> in) {
    if (in.isEmpty()) {
      return;
    }
    Node v = Syntax.unwrapAwait(value);
    if (v != null && v.is("new_expression")) {
      Node constructor = Syntax.unwrap(v.child("constructor"));
      if (constructor != null && constructor.text().equals("Promise")) {
        return; // the executor's resolve and reject are the outcomes
      }
    }
    if (v != null && v.is("ternary_expression")) {
      Node condition = v.child("condition");
      List<Path> yes = new ArrayList<>();
      List<Path> no = new ArrayList<>();
      for (Path p : in) {
        Conditions.Branches b = conditions.evaluate(condition, p);
        yes.add(p.withAll(b.whenTrue()));
        no.add(p.withAll(b.whenFalse()));
      }
      returnValue(at, v.child("consequence"), Path.merge(yes));
      returnValue(at, v.child("alternative"), Path.merge(no));
      return;
    }
    if (v != null && v.is("call_expression") && aliasOf(v) != null) {
      return; // return cb(...) was recorded by the call
    }
    if (policy.returnDecides()) {
      if (v != null && !Syntax.isFalsyLiteral(v)) {
        acceptWhen(at, v, in);
      }
      return;
    }
    outcomes.add(new Outcome(Outcome.Kind.RETURN, at, v, in));
  }

  private Alias aliasOf(Node call) {
    Node callee = Syntax.callee(call);
    return callee != null && callee.is("identifier") ? aliases.get(cx.scopes().declarationOf(callee)) : null;
  }

  /** Records an accept on the paths where {@code decides} is truthy (all of them when it is null). */
  private void acceptWhen(Node at, Node decides, List<Path> in) {
    if (decides == null || Syntax.isTruthyLiteral(decides)) {
      accept(at, in);
      return;
    }
    if (Syntax.isFalsyLiteral(decides)) {
      return;
    }
    List<Path> yes = new ArrayList<>();
    for (Path p : in) {
      Conditions.Branches b = conditions.evaluate(decides, p);
      note(b.whenTrue());
      yes.add(p.withAll(b.whenTrue()));
    }
    accept(at, Path.merge(yes));
  }

  private void accept(Node at, List<Path> in) {
    if (!in.isEmpty()) {
      outcomes.add(new Outcome(Outcome.Kind.ACCEPT, at, null, in));
    }
  }

  /** Sends paths to the innermost catch, or out of the function. */
  private void raise(Node at, List<Path> in) {
    if (in.isEmpty()) {
      return;
    }
    if (!catchers.isEmpty()) {
      catchers.peek().addAll(in);
    } else {
      outcomes.add(new Outcome(Outcome.Kind.THROW, at, null, in));
    }
  }

  /** The failure branch of a verification that throws: the paths as they were, carrying what failed. */
  private void throwFrom(List<Path> in, Term failed) {
    List<Path> failing = new ArrayList<>(in.size());
    for (Path p : in) {
      failing.add(p.withPending(failed));
    }
    if (!catchers.isEmpty()) {
      catchers.peek().addAll(failing);
    } else {
      outcomes.add(new Outcome(Outcome.Kind.THROW, null, null, failing));
    }
  }

  private List<Path> add(List<Path> in, Term term) {
    note(List.of(term));
    List<Path> out = new ArrayList<>(in.size());
    for (Path p : in) {
      out.add(p.with(term));
    }
    return Path.merge(out);
  }

  private void note(List<Term> terms) {
    for (Term t : terms) {
      if (!seen.contains(t)) {
        seen.add(t);
      }
    }
  }

  private static List<Path> limit(List<Path> paths) {
    return paths.size() <= MAX_PATHS ? paths : List.copyOf(paths.subList(0, MAX_PATHS));
  }

  private Node lastFunctionArgument(Node call) {
    List<Node> args = Syntax.arguments(call);
    for (int i = args.size() - 1; i >= 0; i--) {
      Node a = Syntax.unwrap(args.get(i));
      if (Syntax.isFunction(a)) {
        return a;
      }
    }
    return null;
  }

  static Node declarationOfParameter(Node fn, int index) {
    Node p = Syntax.parameter(fn, index);
    return p != null && p.is("identifier") ? p : null;
  }

  /** {@code a === 'b'} reads {@code a !== 'b'}; anything else is wrapped in {@code !( )}. */
  static String negate(Node condition) {
    if (condition == null) {
      return "";
    }
    if (condition.is("binary_expression")) {
      String op = Syntax.operator(condition);
      String left = Syntax.compact(condition.child("left"));
      String right = Syntax.compact(condition.child("right"));
      if (op != null) {
        switch (op) {
          case "===" -> {
            return left + " !== " + right;
          }
          case "!==" -> {
            return left + " === " + right;
          }
          case "==" -> {
            return left + " != " + right;
          }
          case "!=" -> {
            return left + " == " + right;
          }
          default -> { }
        }
      }
    }
    if (condition.is("unary_expression") && "!".equals(Syntax.operator(condition))) {
      return Syntax.compact(Syntax.unwrap(condition.child("argument")));
    }
    return "!(" + Syntax.compact(condition) + ")";
  }
}
