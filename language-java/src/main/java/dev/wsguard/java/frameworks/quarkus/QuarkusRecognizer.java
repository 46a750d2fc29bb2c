package dev.wsguard.java.frameworks.quarkus;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.analysis.OriginChecks;
import dev.wsguard.java.analysis.RejectVocabulary;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.frameworks.spring.Audiences;
import dev.wsguard.java.frameworks.spring.Gate;
import dev.wsguard.java.frameworks.spring.GateReader;
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
 * Reads Quarkus websockets-next endpoints ({@code @WebSocket(path = ...)}): the class-level security annotation that
 * secures the upgrade, {@code @OnTextMessage} handlers with their per-message security annotations, sends
 * ({@code connection.broadcast().sendText}, loops over {@code OpenConnections}, {@code broadcast = true} replies),
 * and {@code HttpUpgradeCheck} beans.
 */
public final class QuarkusRecognizer implements JavaRecognizer {
  static final String NEXT = "io.quarkus.websockets.next.";
  private static final String[] UPGRADE_SECURITY = {"io.quarkus.security.Authenticated",
      "jakarta.annotation.security.RolesAllowed", "io.quarkus.security.PermissionsAllowed"};
  private static final String[] MESSAGE_SECURITY = {"jakarta.annotation.security.RolesAllowed",
      "io.quarkus.security.PermissionsAllowed"};
  private static final Set<String> CONTEXT_TYPES = Set.of("WebSocketConnection", "Connection", "HandshakeRequest",
      "SecurityIdentity", "OpenConnections");
  private static final Set<String> SENDS = Set.of("sendText", "sendTextAndAwait", "sendBinary",
      "sendBinaryAndAwait");

  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    if (!unit.types().importsFrom("io.quarkus.websockets.next")) {
      return;
    }
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      String type = c.getFullyQualifiedName().orElse(c.getNameAsString());
      Optional<AnnotationExpr> ws = JavaCode.annotation(c, unit, NEXT + "WebSocket");
      if (ws.isPresent()) {
        out.accept(endpoint(c, type, ws.get(), unit));
      }
      if (c.getImplementedTypes().stream().anyMatch(t -> unit.types().is(t.getNameAsString(),
          NEXT + "HttpUpgradeCheck"))) {
        for (MethodDeclaration m : c.getMethodsByName("perform")) {
          m.getBody().ifPresent(body -> out.accept(new UpgradeCheckFactBuilder(type, m, unit).build()));
        }
      }
    }
  }

  /** Builds the upgrade check's gate: {@code CheckResult.rejectUpgrade(...)} rejects. */
  private record UpgradeCheckFactBuilder(String type, MethodDeclaration m, JavaUnit unit) {
    QuarkusFacts.UpgradeCheckFact build() {
      Gate gate = GateReader.read("HttpUpgradeCheck " + type.substring(type.lastIndexOf('.') + 1) + ".perform",
          unit.head(m.getName()), m.getBody().orElseThrow(), GateReader.Reject.REJECT_UPGRADE, unit);
      boolean selective = m.findAncestor(ClassOrInterfaceDeclaration.class)
          .map(c -> !c.getMethodsByName("appliesTo").isEmpty()).orElse(false);
      OriginPolicy origin = OriginChecks.inGate(unit, m, UPGRADE_REJECT).orElse(null);
      return new QuarkusFacts.UpgradeCheckFact(type, gate, selective, origin, origin != null && onlyOrigin(origin));
    }

    /** Every rejection of the method sits in the branch of the Origin test. */
    private boolean onlyOrigin(OriginPolicy origin) {
      if (origin.location() == null) {
        return false;
      }
      List<IfStmt> tests = m.findAll(IfStmt.class, i -> unit.head(i.getCondition()).equals(origin.location()));
      List<Node> rejections = new ArrayList<>(m.findAll(MethodCallExpr.class,
          c -> c.getNameAsString().startsWith("rejectUpgrade")));
      rejections.addAll(m.findAll(ThrowStmt.class));
      return tests.size() == 1 && !rejections.isEmpty()
          && rejections.stream().allMatch(r -> r.isDescendantOf(tests.get(0).getThenStmt()));
    }
  }

  /** An HttpUpgradeCheck refuses by returning {@code CheckResult.rejectUpgrade(...)}. */
  private static final RejectVocabulary UPGRADE_REJECT = new RejectVocabulary(
      Set.of("rejectUpgrade", "rejectUpgradeSync"), false, true, Set.of(), Set.of());

  private static QuarkusFacts.EndpointFact endpoint(ClassOrInterfaceDeclaration c, String type, AnnotationExpr ws,
      JavaUnit unit) {
    String path = JavaCode.member(ws, "path").or(() -> JavaCode.member(ws, "value")).flatMap(JavaCode::string)
        .orElse(null);
    String security = null;
    SourceLocation securityAt = null;
    for (String q : UPGRADE_SECURITY) {
      Optional<AnnotationExpr> a = JavaCode.annotation(c, unit, q);
      if (a.isPresent()) {
        security = "@" + a.get().getNameAsString();
        securityAt = unit.head(a.get());
        break;
      }
    }
    boolean permitAll = JavaCode.annotation(c, unit, "jakarta.annotation.security.PermitAll").isPresent();
    MessageScope scope = new MessageScope(unit, p -> isMessage(p, unit));
    Payloads payloads = new Payloads(scope);
    List<MessageHandler> handlers = new ArrayList<>();
    List<Send> sends = new ArrayList<>();
    for (MethodDeclaration m : c.getMethods()) {
      Optional<AnnotationExpr> onText = JavaCode.annotation(m, unit, NEXT + "OnTextMessage")
          .or(() -> JavaCode.annotation(m, unit, NEXT + "OnBinaryMessage"));
      Optional<AnnotationExpr> onOpen = JavaCode.annotation(m, unit, NEXT + "OnOpen");
      if (onText.isPresent()) {
        SourceLocation check = null;
        for (String q : MESSAGE_SECURITY) {
          Optional<AnnotationExpr> a = JavaCode.annotation(m, unit, q);
          if (a.isPresent()) {
            check = unit.head(a.get());
          }
        }
        handlers.addAll(HandlerReader.read(m, scope, unit, check));
      }
      Optional<AnnotationExpr> replying = onText.or(() -> onOpen);
      if (replying.isPresent() && !m.getType().isVoidType()) {
        boolean broadcast = JavaCode.member(replying.get(), "broadcast")
            .filter(v -> v instanceof BooleanLiteralExpr b && b.getValue()).isPresent();
        Provenance provenance = Provenance.PUBLIC;
        String payload = "the return value of " + m.getNameAsString();
        for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
          if (r.getExpression().isPresent()) {
            provenance = stronger(provenance, payloads.classify(r.getExpression().get()));
            payload = r.getExpression().get().toString();
          }
        }
        SourceLocation at = unit.head(replying.get());
        sends.add(new Send(at, broadcast ? Audience.ALL_CONNECTIONS : Audience.THIS_CONNECTION, provenance,
            payload, broadcast ? at : null));
      }
    }
    for (MethodCallExpr call : c.findAll(MethodCallExpr.class, x -> SENDS.contains(x.getNameAsString())
        && x.getArguments().size() == 1)) {
      sends.add(send(call, unit, payloads));
    }
    return new QuarkusFacts.EndpointFact(type, unit.head(ws), path, security, securityAt, permitAll, handlers,
        sends);
  }

  private static Send send(MethodCallExpr call, JavaUnit unit, Payloads payloads) {
    Expression payload = call.getArgument(0);
    Audience audience;
    SourceLocation evidence = null;
    Optional<Expression> scope = call.getScope();
    if (scope.isPresent() && scope.get() instanceof MethodCallExpr inner
        && (inner.getNameAsString().equals("broadcast") || inner.getNameAsString().equals("filter"))) {
      // connection.broadcast() reaches every open connection of the endpoint; .filter(...) narrows it
      audience = inner.getNameAsString().equals("filter") ? Audience.ROOM : Audience.ALL_CONNECTIONS;
      evidence = unit.head(inner.getName());
    } else {
      Audiences.Reach reach = Audiences.of(call, unit);
      audience = reach.audience();
      evidence = reach.loop();
    }
    return new Send(JavaCode.callHead(call, unit), audience, payloads.classify(payload),
        payload.toString(), evidence);
  }

  /** Every parameter of a message method but the framework's context objects: the message and path params. */
  private static boolean isMessage(Parameter p, JavaUnit unit) {
    String type = p.getTypeAsString().replaceAll("<.*", "");
    return p.findAncestor(MethodDeclaration.class)
        .map(m -> JavaCode.annotation(m, unit, NEXT + "OnTextMessage").isPresent()
            || JavaCode.annotation(m, unit, NEXT + "OnBinaryMessage").isPresent())
        .orElse(false) && !CONTEXT_TYPES.contains(type);
  }

  private static Provenance stronger(Provenance a, Provenance b) {
    List<Provenance> order = List.of(Provenance.PUBLIC, Provenance.ECHO, Provenance.UNKNOWN, Provenance.PER_USER,
        Provenance.SENSITIVE);
    return order.indexOf(b) > order.indexOf(a) ? b : a;
  }
}
