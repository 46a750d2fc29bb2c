package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.wsguard.java.unit.JavaUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Says what one call means for authentication: a library call that verifies or only decodes a token (decided from
 * the file's imports, never from a class name), a lookup of the session's principal, a presence test, or a call of
 * a project method whose summary decides at link time.
 */
public final class CheckReader {
  private static final Set<String> JJWT_VERIFY = Set.of("parseClaimsJws", "parseSignedClaims", "parseSignedContent",
      "parseEncryptedClaims", "parseEncryptedContent", "parseClaimsJwe");
  private static final Set<String> JJWT_DECODE = Set.of("parseClaimsJwt", "parseUnsecuredClaims",
      "parseUnsecuredContent", "parsePlaintextJwt");
  /** jjwt parser settings that make a plain {@code parse(token)} check a signature. */
  private static final Set<String> JJWT_KEYS = Set.of("verifyWith", "setSigningKey", "setSigningKeyResolver",
      "keyLocator", "decryptWith");
  private static final Set<String> SESSION_LOOKUPS = Set.of("getPrincipal", "getUserPrincipal", "getRemoteUser",
      "getAuthentication", "isAuthenticated", "isUserInRole");
  private static final Set<String> PRESENCE_TESTS = Set.of("isEmpty", "isBlank", "hasText", "hasLength", "isNull",
      "nonNull", "startsWith", "isPresent");
  /** Library packages whose calls are no credential check (strings, collections, logging, JSON). */
  private static final List<String> LIBRARY_PREFIXES = List.of("java.", "javax.", "jakarta.", "org.springframework.",
      "org.slf4j.", "org.apache.", "com.fasterxml.", "io.micronaut.", "io.quarkus.", "io.vertx.", "reactor.",
      "io.jsonwebtoken.", "com.auth0.", "com.nimbusds.", "lombok.");

  private CheckReader() {}

  public static Optional<Check> of(MethodCallExpr call, JavaUnit unit) {
    String name = call.getNameAsString();
    Optional<Check> library = library(call, unit);
    if (library.isPresent()) {
      return library;
    }
    if (SESSION_LOOKUPS.contains(name)
        || (name.equals("getSession") && !call.getArguments().isEmpty())
        || (name.equals("getAttribute")
            && JavaCode.receiverIs(call, unit, "jakarta.servlet.http.HttpSession", "javax.servlet.http.HttpSession"))) {
      return Optional.of(new Check(Check.Kind.SESSION, null, name, unit.head(call.getName())));
    }
    if (PRESENCE_TESTS.contains(name)) {
      return Optional.of(new Check(Check.Kind.PRESENCE, null, name, unit.head(call.getName())));
    }
    Optional<String> owner = owner(call, unit);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    if (LIBRARY_PREFIXES.stream().anyMatch(owner.get()::startsWith) || !owner.get().contains(".")
        && Character.isLowerCase(owner.get().charAt(0))) {
      return Optional.empty();
    }
    boolean maybeLibrary = JavaCode.receiverType(call).map(t -> libraryWildcard(t, unit)).orElse(false);
    return Optional.of(new Check(Check.Kind.CALL, owner.get(), name, unit.head(call.getName()), maybeLibrary));
  }

  /** The type whose method is called: this class for an unqualified call, else the receiver's declared type. */
  private static Optional<String> owner(MethodCallExpr call, JavaUnit unit) {
    if (call.getScope().isEmpty()) {
      String enclosing = JavaCode.enclosingType(call);
      return enclosing.isEmpty() ? Optional.empty() : Optional.of(enclosing);
    }
    Expression scope = call.getScope().get();
    Optional<String> declared = JavaCode.receiverQualified(call, unit);
    if (declared.isPresent()) {
      return declared;
    }
    // a static call: a capitalised name that no variable declares
    if (scope instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))) {
      return Optional.of(JavaCode.qualify(n.getNameAsString(), unit));
    }
    return Optional.empty();
  }

  /**
   * A type name no single import names, in a file that imports a library package with a wildcard: it most likely
   * comes from that package ({@code import org.springframework.http.server.*;}), so it is no project helper.
   */
  private static boolean libraryWildcard(String written, JavaUnit unit) {
    String simple = written.replaceAll("<.*", "");
    if (!unit.types().resolve(simple).equals(simple)) {
      return false;
    }
    return unit.tree().getImports().stream().anyMatch(i -> i.isAsterisk() && !i.isStatic()
        && LIBRARY_PREFIXES.stream().anyMatch(p -> (i.getNameAsString() + ".").startsWith(p)));
  }

  private static Optional<Check> library(MethodCallExpr call, JavaUnit unit) {
    return libraryKind(call, unit).map(k -> new Check(k[0] == null ? Check.Kind.VERIFY : Check.Kind.valueOf(k[0]),
        k[1], call.getNameAsString(), unit.head(call.getName())));
  }

  private static String[] of(Check.Kind kind, String library) {
    return new String[] {kind.name(), library};
  }

  /** The kind and library of a token call, as {kind, library}. */
  private static Optional<String[]> libraryKind(MethodCallExpr call, JavaUnit unit) {
    String name = call.getNameAsString();
    String text = call.toString();
    if (unit.types().importsFrom("io.jsonwebtoken")) {
      String lib = "jjwt";
      if (JJWT_VERIFY.contains(name)) {
        return Optional.of(of(Check.Kind.VERIFY, lib));
      }
      if (JJWT_DECODE.contains(name)) {
        return Optional.of(of(Check.Kind.DECODE, lib));
      }
      if (name.equals("parse") && chainCalls(call).stream().anyMatch(JJWT_KEYS::contains)) {
        return Optional.of(of(chainCalls(call).contains("unsecured") ? Check.Kind.DECODE : Check.Kind.VERIFY, lib));
      }
    }
    if (unit.types().importsFrom("com.auth0.jwt")) {
      String lib = "java-jwt";
      if (name.equals("verify")) {
        return Optional.of(of(Check.Kind.VERIFY, lib));
      }
      if (name.equals("decode") && text.startsWith("JWT.")) {
        return Optional.of(of(Check.Kind.DECODE, lib));
      }
    }
    if (unit.types().importsFrom("com.nimbusds")) {
      String lib = "nimbus-jose-jwt";
      if (name.equals("verify") || name.equals("process")) {
        return Optional.of(of(Check.Kind.VERIFY, lib));
      }
      if (name.equals("parse") && (text.startsWith("SignedJWT.") || text.startsWith("JWTParser.")
          || text.startsWith("JWSObject."))) {
        return Optional.of(of(Check.Kind.DECODE, lib));
      }
    }
    if (name.equals("decode") && JavaCode.receiverIs(call, unit,
        "org.springframework.security.oauth2.jwt.JwtDecoder",
        "org.springframework.security.oauth2.jwt.ReactiveJwtDecoder",
        "org.springframework.security.oauth2.jwt.NimbusJwtDecoder")) {
      return Optional.of(of(Check.Kind.VERIFY, "spring-security-oauth2-jose JwtDecoder"));
    }
    if (name.equals("authenticate") && JavaCode.receiverIs(call, unit,
        "org.springframework.security.authentication.AuthenticationManager",
        "org.springframework.security.authentication.ReactiveAuthenticationManager",
        "org.springframework.security.authentication.AuthenticationProvider")) {
      return Optional.of(of(Check.Kind.VERIFY, "spring-security AuthenticationManager"));
    }
    if (name.equals("matches") && JavaCode.receiverIs(call, unit,
        "org.springframework.security.crypto.password.PasswordEncoder")) {
      return Optional.of(of(Check.Kind.VERIFY, "spring-security PasswordEncoder"));
    }
    // the payload part of a JWT read by hand: Base64.getUrlDecoder().decode(token.split("\\.")[1])
    if (name.equals("decode") && text.contains("Base64") && text.contains("split(")) {
      return Optional.of(of(Check.Kind.DECODE, "java.util.Base64 (a JWT payload decoded by hand)"));
    }
    return Optional.empty();
  }

  /** The names of the calls a call is chained on: {@code a().b().c()} gives [a, b] for c. */
  private static List<String> chainCalls(MethodCallExpr call) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    Optional<Expression> scope = call.getScope();
    while (scope.isPresent() && scope.get() instanceof MethodCallExpr inner) {
      out.add(inner.getNameAsString());
      scope = inner.getScope();
    }
    return out;
  }
}
