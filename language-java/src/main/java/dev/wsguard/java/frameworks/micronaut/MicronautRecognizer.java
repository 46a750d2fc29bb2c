package dev.wsguard.java.frameworks.micronaut;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.frameworks.spring.Audiences;
import dev.wsguard.java.frameworks.spring.HandlerReader;
import dev.wsguard.java.frameworks.spring.JavaCode;
import dev.wsguard.java.frameworks.spring.MessageScope;
import dev.wsguard.java.frameworks.spring.Payloads;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Micronaut {@code @ServerWebSocket} endpoints: {@code @Secured} on the class, {@code @OnMessage} handlers
 * (with {@code @Secured} per method as a permission check), and sends: {@code WebSocketBroadcaster.broadcastSync}
 * to every open session, or to those a predicate selects (one topic or user), and {@code session.sendSync}.
 */
public final class MicronautRecognizer implements JavaRecognizer {
  static final String WS = "io.micronaut.websocket.";
  private static final String SECURED = "io.micronaut.security.annotation.Secured";
  private static final Set<String> BROADCASTS = Set.of("broadcastSync", "broadcastAsync", "broadcast");
  private static final Set<String> SESSION_SENDS = Set.of("sendSync", "sendAsync", "send");
  private static final Set<String> CONTEXT_TYPES = Set.of("WebSocketSession", "HttpRequest", "CloseReason",
      "Authentication", "Principal");

  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    if (!unit.types().importsFrom("io.micronaut.websocket")) {
      return;
    }
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      Optional<AnnotationExpr> ws = JavaCode.annotation(c, unit, WS + "annotation.ServerWebSocket");
      if (ws.isEmpty()) {
        continue;
      }
      String path = JavaCode.member(ws.get(), "value").flatMap(JavaCode::string).orElse(null);
      Optional<AnnotationExpr> secured = JavaCode.annotation(c, unit, SECURED);
      List<String> values = secured.map(MicronautRecognizer::securedValues).orElse(List.of());
      MessageScope scope = new MessageScope(unit, p -> isMessage(p, unit));
      Payloads payloads = new Payloads(scope);
      List<MessageHandler> handlers = new ArrayList<>();
      for (MethodDeclaration m : c.getMethods()) {
        if (JavaCode.annotation(m, unit, WS + "annotation.OnMessage").isEmpty()) {
          continue;
        }
        SourceLocation check = JavaCode.annotation(m, unit, SECURED)
            .filter(a -> securedValues(a).stream().anyMatch(v -> !v.contains("isAuthenticated")
                && !v.contains("isAnonymous")))
            .map(unit::head).orElse(null);
        handlers.addAll(HandlerReader.read(m, scope, unit, check));
      }
      List<Send> sends = new ArrayList<>();
      for (MethodCallExpr call : c.findAll(MethodCallExpr.class)) {
        String name = call.getNameAsString();
        if (call.getArguments().isEmpty()) {
          continue;
        }
        Expression payload = call.getArgument(0);
        if (BROADCASTS.contains(name) && JavaCode.receiverIs(call, unit, WS + "WebSocketBroadcaster")) {
          // without a predicate the broadcaster reaches every open session of every @ServerWebSocket
          Audience audience = call.getArguments().size() > 1 ? Audience.ROOM : Audience.ALL_CONNECTIONS;
          sends.add(new Send(JavaCode.callHead(call, unit), audience, payloads.classify(payload), payload.toString(),
              unit.head(call.getName())));
        } else if (SESSION_SENDS.contains(name) && JavaCode.receiverIs(call, unit, WS + "WebSocketSession")) {
          Audiences.Reach reach = Audiences.of(call, unit);
          sends.add(new Send(JavaCode.callHead(call, unit), reach.audience(), payloads.classify(payload),
              payload.toString(), reach.loop()));
        }
      }
      out.accept(new MicronautEndpointFact(unit.head(ws.get()), path, values, secured.map(unit::head).orElse(null),
          unit.types().importsFrom("io.micronaut.security"), handlers, sends));
    }
  }

  /** {@code @Secured(SecurityRule.IS_AUTHENTICATED)} gives "isAuthenticated()"; role strings stay as written. */
  private static List<String> securedValues(AnnotationExpr a) {
    List<String> out = new ArrayList<>();
    JavaCode.member(a, "value").ifPresent(v -> {
      List<Expression> items = v.isArrayInitializerExpr() ? v.asArrayInitializerExpr().getValues() : List.of(v);
      for (Expression item : items) {
        if (item instanceof FieldAccessExpr f) {
          out.add(switch (f.getNameAsString()) {
            case "IS_AUTHENTICATED" -> "isAuthenticated()";
            case "IS_ANONYMOUS" -> "isAnonymous()";
            case "DENY_ALL" -> "denyAll()";
            default -> f.toString();
          });
        } else {
          out.add(JavaCode.string(item).orElse(item.toString()));
        }
      }
    });
    return out;
  }

  /** Every parameter of an @OnMessage method but the session and request: the message and the path variables. */
  private static boolean isMessage(Parameter p, JavaUnit unit) {
    String type = p.getTypeAsString().replaceAll("<.*", "");
    return p.findAncestor(MethodDeclaration.class)
        .map(m -> JavaCode.annotation(m, unit, WS + "annotation.OnMessage").isPresent()).orElse(false)
        && !CONTEXT_TYPES.contains(type);
  }
}
