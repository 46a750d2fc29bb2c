package dev.wsguard.js.analysis;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.facts.DelegateFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the handler of one ws connection, whichever framework hands it over (ws's {@code connection} event,
 * an express-ws or @fastify/websocket route handler): authentication in the handler itself (closing before anything
 * is sent), first-message authentication, the message handlers with their dispatch and permission checks, and the
 * message handlers delegated to other modules.
 */
public final class ConnectionAnalysis {
  private static final Set<String> LISTEN = Set.of("on", "once", "addListener", "prependListener");

  private final FileContext cx;

  public ConnectionAnalysis(FileContext cx) {
    this.cx = cx;
  }

  /** What the connection handlers of one endpoint add to it; the lists are filled by {@link #analyse}. */
  public record Parts(List<GuardFact> guards, List<MessageHandler> handlers, List<String> unknowns,
      List<DelegateFact> delegates) {
    public static Parts empty() {
      return new Parts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /** Gives the message listeners of a connection handler their roles (and their delegates the message's). */
  public void assignMessageRoles(Node fn) {
    Node socket = socketParam(fn);
    for (Node handler : messageHandlers(fn, socket).keySet()) {
      cx.role(param(handler, 0), Role.MESSAGE);
    }
    // a handler that hands the message to a function of the file: that function handles it
    for (Node handler : messageHandlers(fn, socket).keySet()) {
      Node delegate = delegateOf(handler);
      if (delegate != null) {
        bindDelegate(handler, delegate);
      }
    }
  }

  /** Reads one connection handler into {@code out}. */
  public void analyse(Node fn, Parts out) {
    analyse(fn, out.guards(), out.handlers(), out.unknowns(), out.delegates());
  }

  /** The one call a function's body makes, when that is all it does; null otherwise. */
  public static Node singleCall(Node fn) {
    Node body = Syntax.body(fn);
    if (body == null) {
      return null;
    }
    Node expr = body;
    if (body.is("statement_block")) {
      List<Node> statements = Syntax.statements(body);
      if (statements.size() != 1) {
        return null;
      }
      Node only = statements.get(0);
      expr = only.isAny("expression_statement", "return_statement") ? only.namedChild(0) : null;
    }
    Node call = Syntax.unwrapAwait(expr);
    return call != null && call.is("call_expression") ? call : null;
  }

  /** The handler's parameter that holds the connection (the first, unless a delegate put it elsewhere). */
  public Node socketParam(Node fn) {
    for (Node p : Syntax.parameters(fn)) {
      if (p.is("identifier") && cx.roleOf(p) == Role.CONNECTION) {
        return p;
      }
    }
    return param(fn, 0);
  }

  public static Node param(Node fn, int index) {
    Node p = Syntax.parameter(fn, index);
    return p != null && p.is("identifier") ? p : null;
  }

  public GuardFact guard(GuardPlace place, String description, SourceLocation at, Node fn, Flow.Result result,
      SourceLocation earlySend) {
    List<PathFact> accepts = new ArrayList<>();
    for (Flow.Accept accept : result.accepts()) {
      accepts.addAll(accept.paths());
    }
    Set<CredentialSource> credentials = result.verifiesAnything() ? new CredentialReader(cx).read(fn)
        : EnumSet.noneOf(CredentialSource.class);
    return new GuardFact(place, description, at, fn.location(), accepts, result.seen(), credentials, earlySend, null);
  }

  private void analyse(Node fn, List<GuardFact> guards, List<MessageHandler> handlers, List<String> unknowns,
      List<DelegateFact> delegates) {
    Node socket = socketParam(fn);
    for (Node unread : unreadMessageHandlers(fn, socket)) {
      unknowns.add("the message handler " + Syntax.compact(unread) + " is defined where wsguard did not read it");
    }
    Flow.Result result = Flow.walk(cx, fn, ConnectionPolicies.connection(cx, socket));
    if (result.verifiesAnything()) {
      SourceLocation early = result.earlyAccept();
      SourceLocation at = early != null ? early : result.firstAuth();
      guards.add(guard(GuardPlace.CONNECTION, "connection handler", at, fn, result, early));
    }
    Map<Node, Node> messageHandlers = messageHandlers(fn, socket);
    for (Map.Entry<Node, Node> entry : messageHandlers.entrySet()) {
      Set<Node> others = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      others.addAll(messageHandlers.keySet());
      others.remove(entry.getKey());
      messageHandler(entry.getKey(), socket, entry.getValue().location(), others, guards, handlers, delegates);
    }
  }

  /**
   * Reads one message handler (a function taking the message, with the connection in {@code socket}) into
   * {@code out}: its dispatch, permission checks, delegates and first-message authentication; {@code others} are
   * the connection's other message handlers.
   */
  public void messageHandler(Node handler, Node socket, SourceLocation registered, Set<Node> others, Parts out) {
    messageHandler(handler, socket, registered, others, out.guards(), out.handlers(), out.delegates());
  }

  private void messageHandler(Node listener, Node socket, SourceLocation registered, Set<Node> others,
      List<GuardFact> guards, List<MessageHandler> handlers, List<DelegateFact> delegates) {
    Node handler = listener;
    Node delegate = delegateOf(handler);
    if (delegate != null) {
      handler = delegate;
    }
    delegates.addAll(delegatesOf(handler, socket));
    List<MessageDispatch.Branch> branches = MessageDispatch.branches(cx, handler);
    for (MessageDispatch.Branch b : branches) {
      // handlers[msg.type](ws, msg): each handler function takes the roles of what the dispatch passes
      if (Syntax.isFunction(b.body()) && b.entry().is("call_expression")) {
        bindParameters(b.body(), b.entry());
      }
    }
    MessageAuthz authz = new MessageAuthz(cx, socket, others);
    if (branches.isEmpty()) {
      handlers.add(authz.analyze(handler, null, registered));
    } else {
      for (MessageDispatch.Branch branch : branches) {
        handlers.add(authz.analyze(handler, branch, branch.at().location()));
      }
    }
    GuardFact firstMessage = firstMessageGuard(handler, socket, branches);
    if (firstMessage != null) {
      guards.add(firstMessage);
    }
  }

  private GuardFact firstMessageGuard(Node handler, Node socket, List<MessageDispatch.Branch> branches) {
    Set<Node> entries = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Node> dispatchCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (MessageDispatch.Branch b : branches) {
      if (verifies(b)) {
        continue;
      }
      if (b.entry().isAny("call_expression")) {
        dispatchCalls.add(b.entry());
      } else {
        entries.add(b.entry());
      }
    }
    Flow.Result result = Flow.walk(cx, handler,
        ConnectionPolicies.firstMessage(cx, socket, entries, dispatchCalls, branches.isEmpty()));
    if (!result.verifiesAnything()) {
      return null;
    }
    SourceLocation at = result.firstAuth();
    Set<CredentialSource> credentials = EnumSet.of(CredentialSource.FIRST_MESSAGE_TOKEN);
    credentials.addAll(new CredentialReader(cx).read(handler));
    List<PathFact> accepts = new ArrayList<>();
    for (Flow.Accept accept : result.accepts()) {
      accepts.addAll(accept.paths());
    }
    return new GuardFact(GuardPlace.FIRST_MESSAGE, "first-message authentication", at, handler.location(), accepts,
        result.seen(), credentials, null, null);
  }

  private boolean verifies(MessageDispatch.Branch branch) {
    for (Node root : branch.statements()) {
      for (Node n : root.descendants()) {
        if (n.is("call_expression") && cx.isAuthCall(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code ws.on('message', (raw) => handle(ws, user, JSON.parse(raw)))}: the local function the message is handed
   * to; null when the handler does more than that.
   */
  public Node delegateOf(Node handler) {
    Node call = singleCall(handler);
    if (call == null) {
      return null;
    }
    Node target = cx.localFunction(Syntax.callee(call));
    if (target == null || target == handler) {
      return null;
    }
    for (Node argument : Syntax.arguments(call)) {
      if (cx.messageDerived(argument)) {
        return target;
      }
    }
    return null;
  }

  /** The delegate's parameters take the roles and meanings of what the handler passes. */
  public void bindDelegate(Node handler, Node delegate) {
    bindParameters(delegate, singleCall(handler));
  }

  public void bindParameters(Node delegate, Node call) {
    List<Node> args = Syntax.arguments(call);
    List<Node> params = Syntax.parameters(delegate);
    for (int i = 0; i < params.size() && i < args.size(); i++) {
      Node p = params.get(i);
      if (!p.is("identifier")) {
        continue;
      }
      if (cx.messageDerived(args.get(i))) {
        cx.role(p, Role.MESSAGE);
      } else if (cx.roleOfExpression(args.get(i)) != null) {
        cx.role(p, cx.roleOfExpression(args.get(i)));
      } else {
        cx.bindArgument(p, args.get(i));
      }
    }
  }

  /**
   * {@code await handleMessage(wss, ws, msg, store)} in a message handler, with {@code handleMessage} imported from
   * a module of the project: the connection and the message are handled there, which link time reads.
   */
  private List<DelegateFact> delegatesOf(Node handler, Node socket) {
    List<DelegateFact> out = new ArrayList<>();
    for (Node n : handler.descendants()) {
      if (!n.is("call_expression") || Syntax.enclosingFunction(n) != handler
          || cx.localFunction(Syntax.callee(n)) != null) {
        continue;
      }
      Api api = cx.resolver().resolve(Syntax.callee(n));
      if (api == null || !api.isRelative() || api.path().size() > 1) {
        continue;
      }
      List<Node> args = Syntax.arguments(n);
      int socketIndex = -1;
      int messageIndex = -1;
      for (int i = 0; i < args.size(); i++) {
        if (socketIndex < 0 && ConnectionPolicies.isSocket(cx, socket, args.get(i))) {
          socketIndex = i;
        } else if (messageIndex < 0 && cx.messageDerived(args.get(i))) {
          messageIndex = i;
        }
      }
      if (socketIndex >= 0 && messageIndex >= 0) {
        FunctionRef ref = FunctionRef.imported(cx.path(), api.module(), api.exportName());
        out.add(new DelegateFact(ref, socketIndex, messageIndex));
      }
    }
    return out;
  }

  /** Message listeners registered by reference to a function this file does not define (an import). */
  private List<Node> unreadMessageHandlers(Node connectionFn, Node socket) {
    List<Node> out = new ArrayList<>();
    for (Node n : connectionFn.descendants()) {
      if (n.is("call_expression") && LISTEN.contains(String.valueOf(Syntax.calleeName(n)))
          && ConnectionPolicies.isSocket(cx, socket, Syntax.receiver(n))
          && "message".equals(Syntax.stringValue(Syntax.argument(n, 0)))) {
        Node handler = Syntax.argument(n, 1);
        if (handler != null && cx.localFunction(handler) == null) {
          out.add(handler);
        }
      }
    }
    return out;
  }

  /** The message listeners a connection handler registers on its socket, with their registration. */
  public Map<Node, Node> messageHandlers(Node connectionFn, Node socket) {
    Map<Node, Node> out = new LinkedHashMap<>();
    Set<Node> seen = new HashSet<>();
    for (Node n : connectionFn.descendants()) {
      if (n.is("call_expression")) {
        String method = Syntax.calleeName(n);
        if (method != null && (LISTEN.contains(method) || method.equals("addEventListener"))
            && ConnectionPolicies.isSocket(cx, socket, Syntax.receiver(n))
            && "message".equals(Syntax.stringValue(Syntax.argument(n, 0)))) {
          Node fn = cx.localFunction(Syntax.argument(n, 1));
          if (fn != null && seen.add(fn)) {
            out.put(fn, n);
          }
        }
      } else if (n.is("assignment_expression")) {
        Node left = Syntax.unwrap(n.child("left"));
        if (left != null && left.is("member_expression") && "onmessage".equals(Syntax.lastName(left))
            && ConnectionPolicies.isSocket(cx, socket, Syntax.object(left))) {
          Node fn = cx.localFunction(n.child("right"));
          if (fn != null && seen.add(fn)) {
            out.put(fn, n);
          }
        }
      }
    }
    return out;
  }
}
