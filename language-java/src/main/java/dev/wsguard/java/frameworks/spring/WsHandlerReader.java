package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.java.frameworks.spring.SpringFacts.WsHandlerFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a Spring WebSocketHandler class ({@code TextWebSocketHandler} and kin): the connection handler that may
 * close unauthenticated sessions, the message handlers ({@code handleTextMessage} and its dispatch), and every
 * {@code session.sendMessage} with its audience and payload.
 */
final class WsHandlerReader {
  private static final Set<String> MESSAGE_METHODS = Set.of("handleTextMessage", "handleMessage",
      "handleBinaryMessage");

  private WsHandlerReader() {}

  static WsHandlerFact read(ClassOrInterfaceDeclaration c, JavaUnit unit) {
    String type = c.getFullyQualifiedName().orElse(c.getNameAsString());
    MessageScope scope = new MessageScope(unit, p -> isMessage(p, unit));
    Gate connection = null;
    List<MessageHandler> handlers = new ArrayList<>();
    for (MethodDeclaration m : c.getMethods()) {
      if (m.getBody().isEmpty()) {
        continue;
      }
      if (m.getNameAsString().equals("afterConnectionEstablished")) {
        connection = GateReader.read("afterConnectionEstablished of " + c.getNameAsString(), unit.head(m.getName()),
            m.getBody().get(), GateReader.Reject.CLOSE, unit);
      } else if (MESSAGE_METHODS.contains(m.getNameAsString())) {
        handlers.addAll(HandlerReader.read(m, scope, unit, null));
      }
    }
    return new WsHandlerFact(type, connection, handlers, sends(c, unit, scope));
  }

  private static boolean isMessage(Parameter p, JavaUnit unit) {
    for (String q : SpringTypes.MESSAGE_TYPES) {
      if (unit.types().is(p.getTypeAsString(), q)) {
        return true;
      }
    }
    return false;
  }

  static List<Send> sends(ClassOrInterfaceDeclaration c, JavaUnit unit, MessageScope scope) {
    List<Send> out = new ArrayList<>();
    Payloads payloads = new Payloads(scope);
    for (MethodCallExpr call : c.findAll(MethodCallExpr.class, m -> m.getNameAsString().equals("sendMessage")
        && m.getArguments().size() == 1)) {
      if (!JavaCode.receiverIs(call, unit, SpringTypes.SESSION) && !loopVariable(call)) {
        continue;
      }
      Expression payload = call.getArgument(0);
      Audiences.Reach reach = Audiences.of(call, unit);
      out.add(new Send(JavaCode.callHead(call, unit), reach.audience(), payloads.classify(payload),
          text(payload), reach.loop()));
    }
    return out;
  }

  /** A loop or lambda variable whose type the source leaves out ({@code sessions.forEach(s -> s.sendMessage(m))}). */
  private static boolean loopVariable(MethodCallExpr call) {
    return call.getScope().filter(s -> s.isNameExpr()).isPresent()
        && JavaCode.receiverType(call).map(t -> t.equals("var")).orElse(true);
  }

  static String text(Expression e) {
    String s = e.toString().replaceAll("\\s+", " ");
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
