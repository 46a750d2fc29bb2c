package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.wsguard.java.analysis.Apis.TokenApi;
import dev.wsguard.java.unit.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the calls that decode or verify a token in a piece of code, and for each one whether the signature is
 * checked, whether the decoded result is trusted, and whether a failed verification is caught and execution carries
 * on. Library calls come from {@code token-apis.txt}; a JWT payload decoded by hand ({@code Base64} over the second
 * dot-separated part) counts as a decode.
 */
public final class TokenCalls {
  /**
   * One token call.
   *
   * @param resultName the local the result is stored in; null when it is not stored
   * @param swallowedAt the catch (or the ignored boolean result) that lets a failure through; null otherwise
   */
  public record TokenCall(MethodCallExpr call, String library, boolean signatureChecked, boolean resultTrusted,
      boolean failureSwallowed, Node swallowedAt, String resultName) {}

  static final String MANUAL_DECODE = "java.util.Base64 decode of the JWT payload";

  /** Calls in a catch that stop the work at hand: the failure is answered, not swallowed. */
  private static final Set<String> STOPPING_CALLS =
      Set.of("close", "sendError", "reject", "abort", "disconnect", "closeSession", "setStatus", "exit");

  private TokenCalls() {}

  /** Every token call in the node, in source order. */
  public static List<TokenCall> in(Node scope, TypeNames types) {
    List<TokenCall> out = new ArrayList<>();
    for (MethodCallExpr call : scope.findAll(MethodCallExpr.class)) {
      tokenCall(call, types).ifPresent(out::add);
    }
    return out;
  }

  /** The token call this call is, if it is one. */
  public static Optional<TokenCall> tokenCall(MethodCallExpr call, TypeNames types) {
    if (call.getScope().isEmpty()) {
      return Optional.empty();
    }
    if (isManualPayloadDecode(call, types)) {
      return Optional.of(decode(call, MANUAL_DECODE));
    }
    Optional<String> root = Code.rootType(call.getScope().get(), types);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    for (TokenApi api : Apis.tokenApisOf(root.get())) {
      if (!api.method().equals(call.getNameAsString())) {
        continue;
      }
      boolean unsecured = Code.chainMethods(call).stream().anyMatch(m -> Apis.unsecuredOption(root.get(), m));
      return switch (api.effect()) {
        // jjwt's parse() accepts unsigned tokens once unsecured() is set; the parse*Signed* methods still demand one
        case VERIFY -> Optional.of(unsecured && api.method().equals("parse")
            ? decode(call, api.library() + " after unsecured()")
            : verify(call, api.library()));
        case DECODE -> Optional.of(decode(call, api.library()));
        case PARSE -> parsed(call, api.library(), types);
      };
    }
    return Optional.empty();
  }

  private static TokenCall decode(MethodCallExpr call, String library) {
    return new TokenCall(call, library, false, trusted(call), false, null, Code.storedIn(call).orElse(null));
  }

  private static TokenCall verify(MethodCallExpr call, String library) {
    Node swallowedAt = swallowedAt(call);
    return new TokenCall(call, library, true, true, swallowedAt != null, swallowedAt,
        Code.storedIn(call).orElse(null));
  }

  /**
   * Nimbus parses first and verifies with {@code jwt.verify(verifier)}: the parse is a decode only when nothing in
   * the same body verifies its result; otherwise the verify call is the token use, and the parse is not reported.
   */
  private static Optional<TokenCall> parsed(MethodCallExpr call, String library, TypeNames types) {
    Optional<String> name = Code.storedIn(call);
    Node body = Code.body(call);
    if (name.isPresent() && body != null) {
      for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
        if (m.getNameAsString().equals("verify") && m.getScope().isPresent()
            && Code.unwrap(m.getScope().get()) instanceof NameExpr n && n.getNameAsString().equals(name.get())) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(decode(call, library));
  }

  /** {@code Base64.getDecoder().decode(token.split("\\.")[1])}, or through a local holding the split parts. */
  private static boolean isManualPayloadDecode(MethodCallExpr call, TypeNames types) {
    if (!call.getNameAsString().equals("decode") || call.getArguments().size() != 1) {
      return false;
    }
    Expression root = Code.chainRoot(call.getScope().get());
    if (!(root instanceof NameExpr n) || !types.is(n.getNameAsString(), "java.util.Base64")) {
      return false;
    }
    return isJwtSegment(call.getArgument(0), 0);
  }

  private static boolean isJwtSegment(Expression e, int depth) {
    Expression x = Code.unwrap(e);
    if (depth > 3) {
      return false;
    }
    if (x instanceof MethodCallExpr m && m.getScope().isPresent()
        && (m.getNameAsString().equals("getBytes") || m.getNameAsString().equals("trim"))) {
      return isJwtSegment(m.getScope().get(), depth + 1);
    }
    if (x instanceof NameExpr n) {
      return Code.initializer(n).map(i -> isJwtSegment(i, depth + 1)).orElse(false);
    }
    if (x instanceof ArrayAccessExpr a && Code.unwrap(a.getIndex()).toString().equals("1")) {
      Expression parts = Code.unwrap(a.getName());
      if (parts instanceof NameExpr pn) {
        parts = Code.initializer(pn).orElse(parts);
      }
      return parts instanceof MethodCallExpr split && split.getNameAsString().equals("split")
          && split.getArguments().size() >= 1
          && split.getArgument(0) instanceof StringLiteralExpr s && s.getValue().contains("\\\\.");
    }
    return false;
  }

  /**
   * Whether the decoded result is used as identity or roles: read beyond the key id and algorithm, returned, passed
   * on or kept. A decode whose result is dropped, or only read for how to verify it, is not trusted.
   */
  static boolean trusted(MethodCallExpr call) {
    Node parent = parentSkippingParens(call);
    if (parent instanceof MethodCallExpr p && p.getScope().filter(s -> Code.unwrap(s) == call).isPresent()) {
      return !Apis.names("claim-reads-untrusted").contains(p.getNameAsString());
    }
    if (parent instanceof ExpressionStmt) {
      return false;
    }
    if (parent instanceof com.github.javaparser.ast.expr.AssignExpr a && !(a.getTarget() instanceof NameExpr)) {
      return true; // kept in a field or a map: read later as the connection's identity
    }
    Optional<String> name = Code.storedIn(call);
    Node body = Code.body(call);
    if (name.isEmpty() || body == null) {
      return true;
    }
    for (NameExpr use : body.findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(name.get()) || !after(use, call)) {
        continue;
      }
      Node up = parentSkippingParens(use);
      boolean untrustedRead = up instanceof MethodCallExpr m && m.getScope().filter(s -> Code.unwrap(s) == use)
          .isPresent() && Apis.names("claim-reads-untrusted").contains(m.getNameAsString());
      boolean nullCheck = up instanceof BinaryExpr b && (b.getLeft() instanceof NullLiteralExpr
          || b.getRight() instanceof NullLiteralExpr);
      if (!untrustedRead && !nullCheck) {
        return true;
      }
    }
    return false;
  }

  /**
   * The catch that lets a failed verification through, or the verify call itself when its boolean result is
   * dropped; null when a failure stops the work at hand. A catch stops it when it rethrows, returns (anything but
   * {@code true}), closes the connection, or when the code after the try checks the result for null and leaves.
   * A catch that completes normally also stops it when nothing runs after the try and the verified result is used
   * only inside it: the failure then skips exactly the work that needed the token (a Jakarta
   * {@code modifyHandshake} that sets the user only when the token verifies).
   */
  static Node swallowedAt(MethodCallExpr call) {
    if (parentSkippingParens(call) instanceof ExpressionStmt && booleanResult(call)) {
      return call;
    }
    Node body = Code.body(call);
    for (Node n = call.getParentNode().orElse(null); n != null && n != body; n = n.getParentNode().orElse(null)) {
      if (!(n instanceof TryStmt t) || !t.getTryBlock().isAncestorOf(call)) {
        continue;
      }
      for (CatchClause c : t.getCatchClauses()) {
        if (!catchesVerificationFailure(c)) {
          continue;
        }
        if (stops(c.getBody())) {
          return null;
        }
        if (nullCheckedAfter(t) || (nothingAfter(t, body) && resultUsedInside(call, t))) {
          return null;
        }
        return c;
      }
      return null;
    }
    return null;
  }

  /** Nimbus's {@code SignedJWT.verify} answers with a boolean instead of throwing. */
  private static boolean booleanResult(MethodCallExpr call) {
    return call.getNameAsString().equals("verify") && call.getArguments().size() == 1
        && !(call.getArgument(0) instanceof StringLiteralExpr)
        && call.getScope().map(Code::chainRoot).filter(r -> r instanceof NameExpr).isPresent()
        && !call.getScope().map(Code::unwrap).filter(s -> s instanceof MethodCallExpr).isPresent()
        && isNimbusObject(call);
  }

  private static boolean isNimbusObject(MethodCallExpr call) {
    Expression scope = Code.unwrap(call.getScope().get());
    return scope instanceof NameExpr n && Code.declaration(n)
        .map(v -> v.type().endsWith("SignedJWT") || v.type().endsWith("JWSObject")
            || v.initializer().map(i -> i.toString().contains("SignedJWT.parse")).orElse(false))
        .orElse(false);
  }

  private static boolean catchesVerificationFailure(CatchClause c) {
    Type type = c.getParameter().getType();
    List<Type> types = type instanceof UnionType u ? new ArrayList<>(u.getElements()) : List.of(type);
    Set<String> names = Apis.names("verification-exceptions");
    return types.stream().anyMatch(t -> {
      String s = t.asString();
      return names.contains(s.substring(s.lastIndexOf('.') + 1));
    });
  }

  /** The catch answers the failure: it rethrows, returns something other than true, or closes/rejects. */
  static boolean stops(BlockStmt catchBody) {
    if (!catchBody.findAll(ThrowStmt.class).isEmpty()) {
      return true;
    }
    for (ReturnStmt r : catchBody.findAll(ReturnStmt.class)) {
      boolean returnsTrue = r.getExpression().map(Code::unwrap)
          .filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent();
      return !returnsTrue;
    }
    return catchBody.findAll(MethodCallExpr.class).stream().anyMatch(m -> STOPPING_CALLS.contains(m.getNameAsString()));
  }

  /** After the try, a local assigned inside it is tested for null by an if that leaves. */
  private static boolean nullCheckedAfter(TryStmt t) {
    List<String> assigned = new ArrayList<>();
    t.getTryBlock().findAll(com.github.javaparser.ast.expr.AssignExpr.class).forEach(a -> {
      if (a.getTarget() instanceof NameExpr n) {
        assigned.add(n.getNameAsString());
      }
    });
    for (Statement s : following(t)) {
      if (s instanceof IfStmt i && Code.exits(i.getThenStmt())) {
        for (BinaryExpr b : i.getCondition().findAll(BinaryExpr.class)) {
          boolean nullTest = b.getLeft() instanceof NullLiteralExpr || b.getRight() instanceof NullLiteralExpr;
          if (nullTest && b.findAll(NameExpr.class).stream().anyMatch(n -> assigned.contains(n.getNameAsString()))) {
            return true;
          }
        }
        if (i.getCondition() instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
            && u.getExpression() instanceof NameExpr n && assigned.contains(n.getNameAsString())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean nothingAfter(TryStmt t, Node body) {
    for (Node n = t; n != null && n != body; n = n.getParentNode().orElse(null)) {
      if (n instanceof Statement s && !following(s).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean resultUsedInside(MethodCallExpr call, TryStmt t) {
    Node parent = parentSkippingParens(call);
    return !(parent instanceof ExpressionStmt) && t.getTryBlock().isAncestorOf(call);
  }

  /** The statements after this one in its block. */
  static List<Statement> following(Statement s) {
    if (s.getParentNode().orElse(null) instanceof BlockStmt b) {
      int i = b.getStatements().indexOf(s);
      return i < 0 ? List.of() : b.getStatements().subList(i + 1, b.getStatements().size());
    }
    return List.of();
  }

  private static boolean after(Node use, Node call) {
    return use.getRange().isPresent() && call.getRange().isPresent()
        && use.getRange().get().begin.isAfter(call.getRange().get().end);
  }

  private static Node parentSkippingParens(Node n) {
    Node p = n.getParentNode().orElse(null);
    while (p instanceof EnclosedExpr || p instanceof CastExpr) {
      p = p.getParentNode().orElse(null);
    }
    return p;
  }
}
