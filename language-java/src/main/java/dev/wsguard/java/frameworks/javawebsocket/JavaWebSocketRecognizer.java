package dev.wsguard.java.frameworks.javawebsocket;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.java.analysis.Audiences;
import dev.wsguard.java.analysis.Code;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.analysis.GateAnalysis;
import dev.wsguard.java.analysis.HandlerAnalysis;
import dev.wsguard.java.analysis.OriginChecks;
import dev.wsguard.java.analysis.RejectVocabulary;
import dev.wsguard.java.analysis.SendAnalysis;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Java-WebSocket ({@code org.java_websocket}): a {@code WebSocketServer} subclass, its handshake hook
 * ({@code onWebsocketHandshakeReceivedAsServer}, which refuses by throwing {@code InvalidDataException}), its
 * {@code onOpen} (which refuses by closing the connection), {@code onMessage} handlers and sends
 * ({@code broadcast(...)}, loops over {@code getConnections()}).
 */
public final class JavaWebSocketRecognizer implements JavaRecognizer {
  static final String SERVER = "org.java_websocket.server.WebSocketServer";
  private static final Set<String> SENDS = Set.of("send", "broadcast", "sendFrame");

  /**
   * A throw in onOpen reaches onError and leaves the connection open (WebSocketImpl reports it to the listener
   * without closing), so only closing refuses there.
   */
  static final RejectVocabulary ON_OPEN =
      new RejectVocabulary(Set.of("close", "closeConnection"), false, false, Set.of(), SENDS);
  /** The handshake hook refuses the upgrade by throwing InvalidDataException (the library answers with an error). */
  static final RejectVocabulary HANDSHAKE = new RejectVocabulary(Set.of(), true, false, Set.of(), Set.of());

  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    if (!unit.types().importsFrom("org.java_websocket")) {
      return;
    }
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      if (c.getExtendedTypes().stream().anyMatch(t -> unit.types().is(t.getNameWithScope(), SERVER))) {
        out.accept(server(unit, c));
      }
    }
  }

  private static JavaWebSocketServer server(JavaUnit unit, ClassOrInterfaceDeclaration c) {
    Gate handshake = null;
    Gate open = null;
    OriginPolicy origin = null;
    List<MessageHandler> handlers = new ArrayList<>();
    for (MethodDeclaration m : c.getMethods()) {
      switch (m.getNameAsString()) {
        case "onWebsocketHandshakeReceivedAsServer" -> {
          handshake = GateAnalysis.analyze(unit, m, GuardPlace.HANDSHAKE, HANDSHAKE).orElse(null);
          origin = OriginChecks.inGate(unit, m, HANDSHAKE).orElse(origin);
        }
        case "onOpen" -> {
          open = GateAnalysis.analyze(unit, m, GuardPlace.CONNECTION, ON_OPEN).orElse(null);
          if (origin == null) {
            origin = OriginChecks.inGate(unit, m, ON_OPEN).orElse(null);
          }
        }
        case "onMessage" -> {
          if (m.getParameters().size() == 2) {
            handlers.addAll(HandlerAnalysis.analyze(unit, m, Set.of(m.getParameter(1).getNameAsString()),
                m.getName()));
          }
        }
        default -> { }
      }
    }
    return new JavaWebSocketServer(c.getFullyQualifiedName().orElse(c.getNameAsString()), unit.head(c.getName()),
        handshake, open, origin, handlers, sends(unit, c));
  }

  private static List<Send> sends(JavaUnit unit, ClassOrInterfaceDeclaration c) {
    List<Send> out = new ArrayList<>();
    for (MethodCallExpr call : c.findAll(MethodCallExpr.class)) {
      if (!SENDS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) {
        continue;
      }
      Node method = Code.method(call).map(m -> (Node) m).orElse(null);
      Set<String> sender = connections(method);
      Audiences.Decided audience;
      if (call.getNameAsString().equals("broadcast")) {
        boolean own = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
        if (!own) {
          continue;
        }
        // broadcast(text) reaches every connection; broadcast(text, clients) only the given ones
        audience = call.getArguments().size() == 1 || isAllConnections(call.getArgument(1))
            ? new Audiences.Decided(Audience.ALL_CONNECTIONS, call) : new Audiences.Decided(Audience.ROOM, null);
      } else {
        if (call.getScope().isEmpty()) {
          continue;
        }
        audience = Audiences.of(call.getScope().get(), JavaWebSocketRecognizer::isAllConnections, sender);
        if (audience.audience() == Audience.UNKNOWN && !isConnection(call.getScope().get())) {
          continue;
        }
      }
      SendAnalysis.Payload payload = SendAnalysis.payload(call.getArgument(0), body -> body instanceof
          MethodDeclaration md && md.getNameAsString().equals("onMessage") && md.getParameters().size() == 2
          ? Set.of(md.getParameter(1).getNameAsString()) : Set.of());
      out.add(new Send(unit.head(call), audience.audience(), payload.provenance(), payload.text(),
          audience.evidence() == null ? null : unit.head(audience.evidence())));
    }
    return out;
  }

  private static boolean isConnection(Expression e) {
    return Code.unwrap(e) instanceof NameExpr n && Code.declaration(n)
        .map(v -> v.type().equals("WebSocket") || v.type().endsWith("WebSocketImpl")).orElse(false);
  }

  private static boolean isAllConnections(Expression e) {
    Expression x = Code.unwrap(e);
    if (x instanceof MethodCallExpr m && m.getNameAsString().equals("getConnections")) {
      return true;
    }
    if (x instanceof NameExpr n) {
      Optional<Code.VariableSite> site = Code.declaration(n);
      if (site.isPresent() && site.get().initializer().isPresent() && !site.get().isField()) {
        return isAllConnections(site.get().initializer().get());
      }
      return site.map(v -> v.isField() && v.type().contains("<WebSocket>")).orElse(false);
    }
    return false;
  }

  private static Set<String> connections(Node method) {
    Set<String> out = new HashSet<>();
    if (method instanceof MethodDeclaration m) {
      for (Parameter p : m.getParameters()) {
        if (p.getTypeAsString().equals("WebSocket")) {
          out.add(p.getNameAsString());
        }
      }
    }
    return out;
  }
}
