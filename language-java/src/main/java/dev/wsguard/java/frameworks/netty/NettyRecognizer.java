package dev.wsguard.java.frameworks.netty;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.java.analysis.Apis;
import dev.wsguard.java.analysis.Audiences;
import dev.wsguard.java.analysis.Code;
import dev.wsguard.java.analysis.Constants;
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
 * Netty WebSocket servers: the channel pipeline that adds {@code WebSocketServerProtocolHandler}, the project
 * handlers before it (which see the HTTP upgrade request and must refuse it with a response and a close) and after
 * it (frame handlers, and {@code HandshakeComplete} events), and sends through a {@code ChannelGroup}.
 */
public final class NettyRecognizer implements JavaRecognizer {
  static final String PROTOCOL_HANDLER = "io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler";
  private static final Set<String> WRITES = Set.of("writeAndFlush", "write");
  private static final List<String> BASE_HANDLERS = List.of("SimpleChannelInboundHandler",
      "ChannelInboundHandlerAdapter", "ChannelDuplexHandler", "ChannelHandlerAdapter");

  /**
   * A handler before the protocol handler refuses by closing the channel (directly or with
   * {@code ChannelFutureListener.CLOSE} after a 401), and must leave without passing the request on: whatever reaches
   * {@code fireChannelRead} is upgraded. A thrown exception only reaches {@code exceptionCaught}.
   */
  static final RejectVocabulary REQUEST = new RejectVocabulary(Set.of("close"), false, true,
      Set.of("fireChannelRead", "channelRead"), Set.of());
  /** After the handshake, closing the channel before anything is written refuses the connection. */
  static final RejectVocabulary EVENT = new RejectVocabulary(Set.of("close"), false, false, Set.of(), WRITES);

  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    if (!unit.types().importsFrom("io.netty")) {
      return;
    }
    for (ObjectCreationExpr o : unit.tree().findAll(ObjectCreationExpr.class)) {
      if (unit.types().is(o.getType().getNameWithScope(), PROTOCOL_HANDLER)) {
        out.accept(pipeline(unit, o));
      }
    }
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      boolean handler = c.getExtendedTypes().stream().anyMatch(t -> BASE_HANDLERS.stream()
          .anyMatch(base -> unit.types().is(t.getNameAsString(), "io.netty.channel." + base)));
      if (handler) {
        out.accept(handler(unit, c));
      }
    }
  }

  private static NettyFacts.Pipeline pipeline(JavaUnit unit, ObjectCreationExpr protocol) {
    List<String> paths = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    if (!protocol.getArguments().isEmpty()) {
      Expression first = protocol.getArgument(0);
      Optional<String> path = Constants.path(unit, first);
      if (path.isPresent()) {
        paths.add(path.get());
      } else {
        first.findAll(MethodCallExpr.class).stream().filter(m -> m.getNameAsString().equals("websocketPath"))
            .findFirst().flatMap(m -> Constants.path(unit, m.getArgument(0))).ifPresent(paths::add);
      }
    }
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    Node method = Code.body(protocol);
    boolean seen = false;
    if (method != null) {
      // in source order of the method names: a chain (p.addLast(a).addLast(b)) is found outermost, last, first
      List<MethodCallExpr> adds = new ArrayList<>(method.findAll(MethodCallExpr.class, m -> m.getNameAsString()
          .equals("addLast") || m.getNameAsString().equals("addFirst")));
      adds.sort(java.util.Comparator.comparing(m -> m.getName().getBegin().orElseThrow()));
      for (MethodCallExpr add : adds) {
        for (Expression a : add.getArguments()) {
          if (a == protocol || protocol.isDescendantOf(a) || isProtocolVariable(a, protocol)) {
            seen = true;
            continue;
          }
          Optional<String> type = handlerType(unit, a);
          if (type.isEmpty()) {
            if (!(Code.unwrap(a) instanceof com.github.javaparser.ast.expr.StringLiteralExpr)) {
              unknowns.add("the pipeline handler " + a + " is of a type wsguard cannot tell");
            }
            continue;
          }
          if (type.get().startsWith("io.netty.") || nettyBuiltIn(unit, type.get())) {
            continue;
          }
          (seen ? after : before).add(type.get());
        }
      }
    }
    return new NettyFacts.Pipeline(unit.head(protocol), paths, before, after, unknowns);
  }

  /**
   * A Netty handler named through a wildcard import ({@code io.netty.handler.codec.http.*}): the imports cannot say
   * which package it is from, so the table of Netty's own handlers does.
   */
  private static boolean nettyBuiltIn(JavaUnit unit, String qualified) {
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    return unit.types().importsFrom("io.netty") && !unit.types().singleImports().containsKey(simple)
        && unit.tree().findAll(ClassOrInterfaceDeclaration.class).stream()
            .noneMatch(c -> c.getNameAsString().equals(simple))
        && Apis.names("netty-handlers").contains(simple);
  }

  private static boolean isProtocolVariable(Expression a, ObjectCreationExpr protocol) {
    return Code.unwrap(a) instanceof NameExpr n && Code.initializer(n).filter(i -> i == protocol).isPresent();
  }

  private static Optional<String> handlerType(JavaUnit unit, Expression a) {
    Expression x = Code.unwrap(a);
    if (x instanceof ObjectCreationExpr o) {
      return Optional.of(GateAnalysis.qualify(unit, o.getType().getNameWithScope()));
    }
    return Code.declaredType(x, unit.types()).map(t -> GateAnalysis.qualify(unit, t));
  }

  private static NettyFacts.Handler handler(JavaUnit unit, ClassOrInterfaceDeclaration c) {
    Gate request = null;
    Gate event = null;
    OriginPolicy origin = null;
    List<MessageHandler> handlers = new ArrayList<>();
    for (MethodDeclaration m : c.getMethods()) {
      String name = m.getNameAsString();
      if ((name.equals("channelRead") || name.equals("channelRead0")) && m.getParameters().size() == 2) {
        Parameter msg = m.getParameter(1);
        String type = msg.getTypeAsString();
        boolean http = type.endsWith("HttpRequest") || type.equals("Object")
            && !m.findAll(com.github.javaparser.ast.expr.InstanceOfExpr.class, i -> i.getType().asString()
                .endsWith("HttpRequest")).isEmpty();
        boolean frames = type.endsWith("WebSocketFrame") || type.equals("Object")
            && !m.findAll(com.github.javaparser.ast.expr.InstanceOfExpr.class, i -> i.getType().asString()
                .endsWith("WebSocketFrame")).isEmpty();
        if (http) {
          request = GateAnalysis.analyze(unit, m, GuardPlace.HANDSHAKE, REQUEST).orElse(null);
          origin = OriginChecks.inGate(unit, m, REQUEST).orElse(null);
        }
        if (frames) {
          handlers.addAll(HandlerAnalysis.analyze(unit, m, Set.of(msg.getNameAsString()), m.getName()));
        }
      }
      if (name.equals("userEventTriggered")) {
        event = GateAnalysis.analyze(unit, m, GuardPlace.CONNECTION, EVENT).orElse(null);
      }
    }
    return new NettyFacts.Handler(c.getFullyQualifiedName().orElse(c.getNameAsString()), request, event, origin,
        handlers, sends(unit, c));
  }

  private static List<Send> sends(JavaUnit unit, ClassOrInterfaceDeclaration c) {
    List<Send> out = new ArrayList<>();
    for (MethodCallExpr call : c.findAll(MethodCallExpr.class)) {
      if (!WRITES.contains(call.getNameAsString()) || call.getArguments().isEmpty() || call.getScope().isEmpty()) {
        continue;
      }
      Optional<Expression> payload = framePayload(call.getArgument(0));
      if (payload.isEmpty()) {
        continue;
      }
      Expression target = Code.unwrap(call.getScope().get());
      Audiences.Decided audience;
      if (isGroup(unit, target)) {
        boolean exceptSender = call.getArguments().size() > 1 && call.getArgument(1).toString().contains("isNot");
        audience = new Audiences.Decided(exceptSender ? Audience.ALL_BUT_SENDER : Audience.ALL_CONNECTIONS, target);
      } else if (isOwnChannel(target)) {
        audience = new Audiences.Decided(Audience.THIS_CONNECTION, null);
      } else {
        Set<String> sender = new HashSet<>();
        Code.method(call).ifPresent(m -> m.getParameters().forEach(p -> {
          if (p.getTypeAsString().equals("ChannelHandlerContext") || p.getTypeAsString().equals("Channel")) {
            sender.add(p.getNameAsString());
          }
        }));
        audience = Audiences.of(target, e -> isGroup(unit, e), sender);
      }
      SendAnalysis.Payload p = SendAnalysis.payload(payload.get(), body -> body instanceof MethodDeclaration md
          && md.getNameAsString().startsWith("channelRead") && md.getParameters().size() == 2
          ? Set.of(md.getParameter(1).getNameAsString()) : Set.of());
      out.add(new Send(unit.head(call), audience.audience(), p.provenance(), p.text(),
          audience.evidence() == null ? null : unit.head(audience.evidence())));
    }
    return out;
  }

  /** The text inside {@code new TextWebSocketFrame(text)}; empty for writes that are not WebSocket frames. */
  private static Optional<Expression> framePayload(Expression arg) {
    Expression x = Code.unwrap(arg);
    if (x instanceof NameExpr n) {
      x = Code.initializer(n).map(Code::unwrap).orElse(x);
    }
    if (x instanceof ObjectCreationExpr o && o.getType().getNameAsString().endsWith("WebSocketFrame")
        && !o.getArguments().isEmpty()) {
      return Optional.of(o.getArgument(o.getArguments().size() - 1));
    }
    return Optional.empty();
  }

  private static boolean isOwnChannel(Expression target) {
    Expression x = Code.unwrap(target);
    if (x instanceof MethodCallExpr m && m.getNameAsString().equals("channel") && m.getScope().isPresent()) {
      x = Code.unwrap(m.getScope().get());
    }
    return x instanceof NameExpr n && Code.declaration(n)
        .map(v -> v.isParameter() && (v.type().equals("ChannelHandlerContext") || v.type().equals("Channel")))
        .orElse(false);
  }

  /** A {@code ChannelGroup} of every connection (a field the handlers share). */
  private static boolean isGroup(JavaUnit unit, Expression e) {
    Expression x = Code.unwrap(e);
    if (x instanceof NameExpr n) {
      return Code.declaration(n).map(v -> {
        return unit.types().is(v.type(), "io.netty.channel.group.ChannelGroup")
            || unit.types().is(v.type(), "io.netty.channel.group.DefaultChannelGroup")
            || v.initializer().map(i -> i.toString().contains("ChannelGroup")).orElse(false);
      }).orElse(false);
    }
    return false;
  }
}
