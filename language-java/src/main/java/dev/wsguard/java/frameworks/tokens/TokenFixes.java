package dev.wsguard.java.frameworks.tokens;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.analysis.Code;
import dev.wsguard.java.analysis.TokenCalls;
import dev.wsguard.java.analysis.TokenCalls.TokenCall;
import dev.wsguard.java.fix.JavaEdits;
import dev.wsguard.java.fix.JavaFixer;
import dev.wsguard.java.unit.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Patches for token uses, in any Java file: the decode becomes the same library's verify call, with the key the
 * file already verifies with where it holds one in a field (else a placeholder that throws until it is wired, so
 * every token is refused); a verification failure that a catch swallows is rethrown; a Nimbus {@code verify} whose
 * boolean answer is dropped is tested. The verified call returns what the decode returned, so the code that reads
 * the claims stays as it is. The project's own verifiers are not called here: they answer a user, not the library's
 * claims object the code goes on to read.
 */
public final class TokenFixes implements JavaFixer {
  private static final String JJWT_KEY = "tokenSigningKey";
  private static final String AUTH0_ALGORITHM = "tokenAlgorithm";
  private static final String NIMBUS_VERIFIER = "tokenVerifier";
  private static final String REJECTED = "throw new SecurityException(\"the token's signature does not verify\");";
  private static final Set<String> CATCHES_JOSE = Set.of("JOSEException", "Exception", "Throwable");

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    if (!(intent instanceof FixIntent.VerifyToken v)) {
      return Optional.empty();
    }
    TokenUse use = v.use();
    TokenCall call = tokenCall(edits, use.location());
    if (call == null) {
      return Optional.empty();
    }
    if (use.signatureChecked()) {
      // on an endpoint's handshake path a thrown exception refuses the connection in some frameworks and not in
      // others (Java-WebSocket's onOpen only reports it): the endpoint's own patch owns that refusal
      return use.failureSwallowed() && use.swallowedAt() != null && use.endpointDeclaration() == null
          ? rethrow(edits, call, use.swallowedAt()) : Optional.empty();
    }
    String library = call.library();
    if (library.startsWith("jjwt.")) {
      return jjwt(edits, call.call());
    }
    if (library.equals("java-jwt.JWT.decode")) {
      return auth0(edits, call.call());
    }
    if (library.equals("nimbus.SignedJWT.parse")) {
      return nimbus(edits, call.call());
    }
    // a payload decoded by hand, or a library whose verify call wants what the file does not show: no patch
    return Optional.empty();
  }

  /** The token call the finding points at: its head (the whole call when on one line) starts and ends there. */
  private static TokenCall tokenCall(JavaEdits edits, SourceLocation at) {
    TokenCall found = null;
    for (TokenCall t : TokenCalls.in(edits.tree(), edits.unit().types())) {
      SourceLocation head = edits.unit().head(t.call());
      if (head.startByte() == at.startByte() && head.endByte() == at.endByte()) {
        if (found != null) {
          return null;
        }
        found = t;
      }
    }
    return found;
  }

  /**
   * jjwt: the key goes into the builder before {@code build()}, and the unsigned parse becomes the signed one of the
   * same API generation ({@code parseClaimsJwt} to {@code parseClaimsJws}, {@code parseUnsecured*} to
   * {@code parseSigned*}); {@code parse} after {@code unsecured()} loses {@code unsecured()}, since without it
   * {@code parse} refuses unsigned tokens. A parser built elsewhere gets no patch: its key is set where it is built.
   */
  private static Optional<Fix> jjwt(JavaEdits edits, MethodCallExpr call) {
    String method = call.getNameAsString();
    String signed = switch (method) {
      case "parseClaimsJwt" -> "parseClaimsJws";
      case "parseUnsecuredClaims" -> "parseSignedClaims";
      case "parseUnsecuredContent" -> "parseSignedContent";
      case "parse" -> "parse";
      default -> null;
    };
    MethodCallExpr build = call.getScope().map(Code::unwrap)
        .filter(s -> s instanceof MethodCallExpr m && m.getNameAsString().equals("build")
            && m.getArguments().isEmpty() && m.getScope().isPresent())
        .map(s -> (MethodCallExpr) s).orElse(null);
    if (signed == null || build == null) {
      return Optional.empty();
    }
    List<String> chain = Code.chainMethods(build);
    if (chain.contains("verifyWith") || chain.contains("setSigningKey") || chain.contains("keyLocator")
        || chain.contains("setSigningKeyResolver")) {
      return Optional.empty(); // a key is set already: the unsigned parse is a choice wsguard cannot second-guess
    }
    boolean legacyBuilder = chain.contains("parserBuilder");
    MethodCallExpr unsecured = null;
    for (Expression e = build.getScope().get(); e instanceof MethodCallExpr m; e = m.getScope().orElse(null)) {
      if (m.getNameAsString().equals("unsecured") && m.getArguments().isEmpty()) {
        unsecured = m;
      }
    }
    if (method.equals("parse") && unsecured == null) {
      return Optional.empty();
    }
    TypeNames types = edits.unit().types();
    boolean isStatic = staticContext(call);
    List<TextEdit> out = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    String key = field(call, isStatic, t -> types.is(t, "javax.crypto.SecretKey")
        || types.is(t, "java.security.PublicKey") || types.is(t, "java.security.interfaces.RSAPublicKey")
        || types.is(t, "java.security.interfaces.ECPublicKey"));
    String setter = legacyBuilder ? "setSigningKey" : "verifyWith";
    if (key == null) {
      key = field(call, isStatic, t -> types.is(t, "java.security.Key"));
      if (key != null) {
        setter = "setSigningKey"; // verifyWith takes a SecretKey or a PublicKey, not a bare Key
      }
    }
    String description;
    if (key != null) {
      description = "the key " + key + " the file already holds";
    } else {
      String type = legacyBuilder ? "Key" : "SecretKey";
      imports.add(legacyBuilder ? "java.security.Key" : "javax.crypto.SecretKey");
      Optional<Optional<TextEdit>> helper = placeholder(edits, call, type, JJWT_KEY,
          "wire the key your tokens are signed with (Keys.hmacShaKeyFor(secret), or the issuer's public key);"
              + " until then every token is refused");
      if (helper.isEmpty()) {
        return Optional.empty();
      }
      helper.get().ifPresent(out::add);
      key = JJWT_KEY + "()";
      description = JJWT_KEY + "(), which refuses every token until it is wired";
    }
    if (unsecured != null) {
      // ".unsecured()" becomes ".verifyWith(key)"
      out.add(edits.replace(unsecured.getName(), setter));
      out.add(edits.insert(edits.end(unsecured) - 1, key));
    } else {
      int dot = edits.start(build.getName()) - 1;
      out.add(edits.insert(dot, "." + setter + "(" + key + ")"));
    }
    if (!signed.equals(method)) {
      out.add(edits.replace(call.getName(), signed));
    }
    if (!addImports(edits, imports, out)) {
      return Optional.empty();
    }
    return Optional.of(new Fix("Verify the token: jjwt's " + signed + " with " + setter + "(" + key + ") in place of "
        + method + (unsecured == null ? "" : " after unsecured()") + ", checking the signature with " + description,
        out));
  }

  /**
   * java-jwt: {@code JWT.decode(t)} becomes {@code JWT.require(algorithm).build().verify(t)}, which returns the same
   * {@code DecodedJWT} and throws (unchecked) on a bad signature or expiry.
   */
  private static Optional<Fix> auth0(JavaEdits edits, MethodCallExpr call) {
    if (call.getArguments().size() != 1 || call.getScope().isEmpty()) {
      return Optional.empty();
    }
    TypeNames types = edits.unit().types();
    List<TextEdit> out = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    String algorithm = field(call, staticContext(call), t -> types.is(t, "com.auth0.jwt.algorithms.Algorithm"));
    String description;
    if (algorithm != null) {
      description = "the algorithm " + algorithm + " the file already holds";
    } else {
      imports.add("com.auth0.jwt.algorithms.Algorithm");
      Optional<Optional<TextEdit>> helper = placeholder(edits, call, "Algorithm", AUTH0_ALGORITHM,
          "wire the algorithm and key your tokens are signed with (Algorithm.HMAC256(secret),"
              + " Algorithm.RSA256(publicKey, null)); until then every token is refused");
      if (helper.isEmpty()) {
        return Optional.empty();
      }
      helper.get().ifPresent(out::add);
      algorithm = AUTH0_ALGORITHM + "()";
      description = AUTH0_ALGORITHM + "(), which refuses every token until it is wired";
    }
    String receiver = call.getScope().get().toString();
    out.add(edits.replace(edits.start(call), edits.end(call), receiver + ".require(" + algorithm + ").build().verify("
        + call.getArgument(0) + ")"));
    if (!addImports(edits, imports, out)) {
      return Optional.empty();
    }
    return Optional.of(new Fix("Verify the token: JWT.require(" + algorithm + ").build().verify in place of"
        + " JWT.decode, checking the signature with " + description, out));
  }

  /**
   * Nimbus: after {@code SignedJWT jwt = SignedJWT.parse(t);} the signature is checked and a false answer throws.
   * {@code verify} throws the checked JOSEException: where the method does not already let it out, the check is
   * wrapped so that it becomes a refusal too, without changing the method's signature.
   */
  private static Optional<Fix> nimbus(JavaEdits edits, MethodCallExpr call) {
    Node parent = call.getParentNode().orElse(null);
    if (!(parent instanceof VariableDeclarator local) || !(local.getParentNode().orElse(null)
        instanceof VariableDeclarationExpr declaration) || declaration.getVariables().size() != 1
        || !(declaration.getParentNode().orElse(null) instanceof ExpressionStmt statement)
        || !(statement.getParentNode().orElse(null) instanceof BlockStmt)) {
      return Optional.empty();
    }
    TypeNames types = edits.unit().types();
    boolean isStatic = staticContext(call);
    List<TextEdit> out = new ArrayList<>();
    List<String> imports = new ArrayList<>();
    String verifier = field(call, isStatic, t -> types.is(t, "com.nimbusds.jose.JWSVerifier")
        || types.is(t, "com.nimbusds.jose.crypto.MACVerifier") || types.is(t, "com.nimbusds.jose.crypto.RSASSAVerifier")
        || types.is(t, "com.nimbusds.jose.crypto.ECDSAVerifier"));
    if (verifier == null) {
      verifier = verifierCreation(edits, call, isStatic);
    }
    String description;
    if (verifier != null) {
      description = verifier + ", as the file already verifies";
    } else {
      imports.add("com.nimbusds.jose.JWSVerifier");
      Optional<Optional<TextEdit>> helper = placeholder(edits, call, "JWSVerifier", NIMBUS_VERIFIER,
          "wire the verifier of the key your tokens are signed with (new MACVerifier(secret),"
              + " new RSASSAVerifier(publicKey)); until then every token is refused");
      if (helper.isEmpty()) {
        return Optional.empty();
      }
      helper.get().ifPresent(out::add);
      verifier = NIMBUS_VERIFIER + "()";
      description = NIMBUS_VERIFIER + "(), which refuses every token until it is wired";
    }
    String name = local.getNameAsString();
    String check = "if (!" + name + ".verify(" + verifier + ")) {\n  " + REJECTED + "\n}";
    if (!letsOut(call, CATCHES_JOSE)) {
      imports.add("com.nimbusds.jose.JOSEException");
      check = "try {\n" + indent(check) + "\n} catch (JOSEException e) {\n"
          + "  throw new SecurityException(\"the token's signature could not be checked\", e);\n}";
    }
    String indent = edits.indentAt(edits.start(statement));
    out.add(edits.insert(edits.nextLineStart(edits.end(statement)), edits.code(check, indent) + "\n"));
    if (!addImports(edits, imports, out)) {
      return Optional.empty();
    }
    return Optional.of(new Fix("Verify the token: check " + name + "'s signature with " + description
        + " right after SignedJWT.parse, and refuse it when it does not verify", out));
  }

  /**
   * A verification whose failure is let through: the catch that swallows it now rethrows (unchecked, so no
   * signature changes), and a Nimbus {@code verify} whose boolean answer was dropped is tested.
   */
  private static Optional<Fix> rethrow(JavaEdits edits, TokenCall call, SourceLocation swallowedAt) {
    if (swallowedAt.startByte() == edits.unit().head(call.call()).startByte()) {
      Node parent = call.call().getParentNode().orElse(null);
      if (!(parent instanceof ExpressionStmt statement)) {
        return Optional.empty();
      }
      String indent = edits.indentAt(edits.start(statement));
      String check = "if (!" + call.call() + ") {\n  " + REJECTED + "\n}";
      if (!edits.text(edits.lineStart(edits.start(statement)), edits.start(statement)).isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new Fix("Refuse the token when " + call.call().getNameAsString() + " answers false:"
          + " its result was dropped", List.of(edits.replace(edits.start(statement), edits.end(statement),
              edits.code(check, indent).substring(indent.length())))));
    }
    CatchClause c = edits.nodeAt(swallowedAt, CatchClause.class);
    if (c == null) {
      return Optional.empty();
    }
    BlockStmt body = c.getBody();
    List<Statement> statements = body.getStatements();
    Statement last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
    if (last instanceof ReturnStmt || last instanceof ThrowStmt || last instanceof BreakStmt
        || last instanceof ContinueStmt) {
      return Optional.empty(); // it leaves another way (return true, say): rewriting that is the author's call
    }
    int close = edits.end(body) - 1;
    if (!edits.text(edits.lineStart(close), close).isBlank()) {
      return Optional.empty();
    }
    String indent = edits.indentAt(close) + edits.indentUnit();
    String param = c.getParameter().getNameAsString();
    String line = indent + "throw new SecurityException(\"token verification failed\", " + param + ");\n";
    return Optional.of(new Fix("Refuse the token when " + call.library() + " fails: the catch rethrows instead of"
        + " carrying on", List.of(edits.insert(edits.lineStart(close), line))));
  }

  /**
   * A field of the enclosing types that holds a key of the wanted type (static when the call is in a static
   * context), by name; null when there is none or more than one, since the choice would be a guess.
   */
  private static String field(MethodCallExpr call, boolean isStatic, java.util.function.Predicate<String> type) {
    List<String> found = new ArrayList<>();
    for (Node n = call; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        for (FieldDeclaration f : t.getFields()) {
          if (isStatic && !f.isStatic()) {
            continue;
          }
          for (VariableDeclarator v : f.getVariables()) {
            if (type.test(v.getTypeAsString())) {
              found.add(v.getNameAsString());
            }
          }
        }
        if (!found.isEmpty()) {
          break;
        }
        // past a nested type that is not an inner class, the outer instance's fields are out of reach
        boolean inner = t instanceof ClassOrInterfaceDeclaration c && !c.isInterface() && !c.isStatic();
        isStatic = isStatic || !inner;
      }
    }
    return found.size() == 1 ? found.get(0) : null;
  }

  /**
   * A Nimbus verifier the file already creates from a field ({@code new MACVerifier(SECRET)}), reusable here when
   * that field is reachable from the call; null otherwise, or when the file creates different ones.
   */
  private static String verifierCreation(JavaEdits edits, MethodCallExpr call, boolean isStatic) {
    TypeNames types = edits.unit().types();
    Set<String> texts = new java.util.TreeSet<>();
    for (ObjectCreationExpr o : edits.tree().findAll(ObjectCreationExpr.class)) {
      String t = o.getType().getNameAsString();
      if (!types.is(t, "com.nimbusds.jose.crypto.MACVerifier") && !types.is(t, "com.nimbusds.jose.crypto.RSASSAVerifier")
          && !types.is(t, "com.nimbusds.jose.crypto.ECDSAVerifier")) {
        continue;
      }
      boolean reachable = o.getArguments().stream().allMatch(a -> a instanceof NameExpr n
          && fieldReachable(call, n.getNameAsString(), isStatic));
      if (!reachable || o.getAnonymousClassBody().isPresent()) {
        return null;
      }
      texts.add(o.toString());
    }
    return texts.size() == 1 ? texts.iterator().next() : null;
  }

  private static boolean fieldReachable(MethodCallExpr call, String name, boolean isStatic) {
    Optional<TypeDeclaration> type = call.findAncestor(TypeDeclaration.class);
    if (type.isEmpty()) {
      return false;
    }
    for (FieldDeclaration f : ((TypeDeclaration<?>) type.get()).getFields()) {
      if ((!isStatic || f.isStatic()) && f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** The call sits in a static method, a static initializer or a static field's initializer. */
  private static boolean staticContext(Node call) {
    for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof MethodDeclaration m) {
        return m.isStatic();
      }
      if (n instanceof InitializerDeclaration i) {
        return i.isStatic();
      }
      if (n instanceof FieldDeclaration f) {
        return f.isStatic();
      }
      if (n instanceof CallableDeclaration<?> || n instanceof TypeDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /**
   * The method already lets one of {@code caught} out (its throws clause), or a try around the call catches it:
   * either way a new checked exception of that kind compiles where it is thrown.
   */
  private static boolean letsOut(MethodCallExpr call, Set<String> caught) {
    for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TryStmt t && t.getTryBlock().isAncestorOf(call)) {
        for (CatchClause c : t.getCatchClauses()) {
          Type type = c.getParameter().getType();
          List<Type> all = type instanceof UnionType u ? new ArrayList<>(u.getElements()) : List.of(type);
          if (all.stream().anyMatch(x -> caught.contains(simple(x.asString())))) {
            return true;
          }
        }
      }
      if (n instanceof CallableDeclaration<?> m) {
        for (ReferenceType thrown : m.getThrownExceptions()) {
          if (caught.contains(simple(thrown.asString()))) {
            return true;
          }
        }
        return false;
      }
      if (n instanceof BodyDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /**
   * The placeholder key source: a private static method of the type holding the call that throws, so that the
   * verify call refuses every token until it is wired. An empty edit when an earlier patch added it already; empty
   * when the name is taken by something else.
   */
  private static Optional<Optional<TextEdit>> placeholder(JavaEdits edits, MethodCallExpr call, String type,
      String name, String wire) {
    Optional<TypeDeclaration> holder = call.findAncestor(TypeDeclaration.class);
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    TypeDeclaration<?> t = holder.get();
    boolean added = t.getMethodsByName(name).stream().anyMatch(m -> m.isStatic() && m.getParameters().isEmpty()
        && m.getTypeAsString().equals(type));
    if (added) {
      return Optional.of(Optional.empty());
    }
    if (edits.mentions(name)) {
      return Optional.empty();
    }
    String template = "private static " + type + " " + name + "() {\n"
        + "  // " + wire + "\n"
        + "  throw new IllegalStateException(\"" + name + " is not wired: tokens cannot be verified\");\n"
        + "}";
    return edits.addMember(t, template).map(Optional::of);
  }

  private static boolean addImports(JavaEdits edits, List<String> imports, List<TextEdit> out) {
    if (imports.isEmpty()) {
      return true;
    }
    Optional<List<TextEdit>> added = edits.addImports(imports);
    added.ifPresent(out::addAll);
    return added.isPresent();
  }

  private static String indent(String block) {
    return "  " + block.replace("\n", "\n  ");
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
