package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.java.frameworks.spring.SpringFacts.IgnoredPathsFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.MessageSecurityFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.SecurityChainFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.SecurityRule;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Spring Security's configuration DSL: SecurityFilterChain beans (lambda DSL and the older chained form),
 * {@code WebSecurityConfigurerAdapter.configure(HttpSecurity)}, {@code web.ignoring()}, and message security for
 * STOMP destinations. Calls are read in source order: each matcher call is paired with the access call that
 * follows it, which is how both DSL forms read.
 */
final class SecurityDslReader {
  private static final Set<String> PATH_MATCHERS = Set.of("requestMatchers", "antMatchers", "mvcMatchers",
      "regexMatchers", "pathMatchers");
  private static final Set<String> ANY = Set.of("anyRequest", "anyExchange", "anyMessage");
  private static final Set<String> DEST_MATCHERS = Set.of("simpDestMatchers", "simpMessageDestMatchers");
  private static final Set<String> NON_SEND_MATCHERS = Set.of("simpSubscribeDestMatchers", "simpTypeMatchers",
      "nullDestMatcher");
  private static final Set<String> ACCESS = Set.of("permitAll", "authenticated", "fullyAuthenticated", "hasRole",
      "hasAnyRole", "hasAuthority", "hasAnyAuthority", "denyAll", "anonymous", "rememberMe", "access",
      "hasIpAddress");
  private static final Set<String> SESSION_LOGINS = Set.of("formLogin", "oauth2Login", "saml2Login", "rememberMe",
      "x509", "jee");

  private SecurityDslReader() {}

  /** True when the method configures an HTTP security chain. */
  static boolean isChain(MethodDeclaration m, JavaUnit unit) {
    String returned = m.getType().asString();
    if (unit.types().is(returned, SpringTypes.FILTER_CHAIN) || unit.types().is(returned, SpringTypes.WEB_FILTER_CHAIN)) {
      return true;
    }
    return m.getNameAsString().equals("configure") && m.getParameters().size() == 1
        && unit.types().is(m.getParameter(0).getTypeAsString(), SpringTypes.HTTP_SECURITY);
  }

  static Optional<SecurityChainFact> chain(MethodDeclaration m, JavaUnit unit) {
    if (m.getBody().isEmpty()) {
      return Optional.empty();
    }
    List<MethodCallExpr> calls = inOrder(m.getBody().get());
    List<String> scope = new ArrayList<>();
    Set<MethodCallExpr> consumed = new HashSet<>();
    for (MethodCallExpr c : calls) {
      String name = c.getNameAsString();
      boolean httpLevel = name.equals("securityMatcher") || name.equals("antMatcher") && c.getScope()
          .map(s -> isHttp(s, m, unit)).orElse(false);
      if (httpLevel) {
        c.getArguments().forEach(a -> scope.addAll(patterns(a)));
      } else if (name.equals("securityMatchers") || name.equals("requestMatchers") && c.getArguments().size() == 1
          && c.getArgument(0).isLambdaExpr() && c.getScope().map(s -> isHttp(s, m, unit)).orElse(false)) {
        for (MethodCallExpr inner : c.getArguments().get(0).findAll(MethodCallExpr.class)) {
          if (PATH_MATCHERS.contains(inner.getNameAsString())) {
            inner.getArguments().forEach(a -> scope.addAll(patterns(a)));
            consumed.add(inner);
          }
        }
      }
    }
    List<SecurityRule> rules = rules(calls, consumed, PATH_MATCHERS, Set.of(), unit, true);
    Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
    List<String> filters = new ArrayList<>();
    boolean stateless = false;
    for (MethodCallExpr c : calls) {
      String name = c.getNameAsString();
      if (name.equals("oauth2ResourceServer") || name.equals("bearerTokenResolver")) {
        credentials.add(CredentialSource.HEADER_TOKEN);
      } else if (name.equals("httpBasic")) {
        credentials.add(CredentialSource.HTTP_AUTH);
      } else if (SESSION_LOGINS.contains(name) && isConfigurer(c)) {
        credentials.add(name.equals("x509") ? CredentialSource.CLIENT_CERT : CredentialSource.HTTP_SESSION);
      } else if (name.startsWith("addFilter") && !c.getArguments().isEmpty()) {
        String type = RegistrationReader.typeOf(c.getArgument(0), unit);
        if (type != null) {
          filters.add(type);
        }
      } else if (name.equals("sessionCreationPolicy") && c.toString().contains("STATELESS")
          || name.equals("securityContextRepository") && c.toString().contains("NoOpServerSecurityContextRepository")) {
        // WebFlux keeps the security context in the WebSession unless the no-op repository is set
        stateless = true;
      }
    }
    int order = order(m, unit);
    return Optional.of(new SecurityChainFact(unit.head(m.getName()), order, scope, rules, credentials, filters,
        stateless));
  }

  /** {@code formLogin(...)} on the chain, not {@code rememberMe()} as an access rule after a matcher. */
  private static boolean isConfigurer(MethodCallExpr c) {
    return c.getScope().map(s -> !(s instanceof MethodCallExpr inner
        && (PATH_MATCHERS.contains(inner.getNameAsString()) || ANY.contains(inner.getNameAsString())))).orElse(true);
  }

  private static boolean isHttp(Expression scope, MethodDeclaration m, JavaUnit unit) {
    Expression root = scope;
    while (root instanceof MethodCallExpr inner && inner.getScope().isPresent()) {
      root = inner.getScope().get();
    }
    for (Parameter p : m.getParameters()) {
      if (p.getNameAsString().equals(root.toString())) {
        return unit.types().is(p.getTypeAsString(), SpringTypes.HTTP_SECURITY)
            || unit.types().is(p.getTypeAsString(), SpringTypes.SERVER_HTTP_SECURITY);
      }
    }
    return false;
  }

  /** {@code web.ignoring().requestMatchers("/ws/**")} in a WebSecurityCustomizer bean. */
  static Optional<IgnoredPathsFact> ignored(MethodDeclaration m, JavaUnit unit) {
    if (!unit.types().is(m.getType().asString(), SpringTypes.WEB_CUSTOMIZER) || m.getBody().isEmpty()) {
      return Optional.empty();
    }
    List<String> patterns = new ArrayList<>();
    for (MethodCallExpr c : m.getBody().get().findAll(MethodCallExpr.class)) {
      if (PATH_MATCHERS.contains(c.getNameAsString()) && c.toString().contains("ignoring()")) {
        c.getArguments().forEach(a -> patterns.addAll(patterns(a)));
      }
    }
    return patterns.isEmpty() ? Optional.empty() : Optional.of(new IgnoredPathsFact(patterns, unit.head(m.getName())));
  }

  /** An {@code AuthorizationManager<Message<?>>} bean or {@code configureInbound(registry)}. */
  static Optional<MessageSecurityFact> messages(MethodDeclaration m, JavaUnit unit) {
    boolean manager = unit.types().is(m.getType().asString(), SpringTypes.AUTHORIZATION_MANAGER)
        && m.getType().asString().contains("Message");
    boolean inbound = m.getNameAsString().equals("configureInbound") && m.getParameters().size() == 1
        && unit.types().is(m.getParameter(0).getTypeAsString(), SpringTypes.MESSAGE_REGISTRY);
    if ((!manager && !inbound) || m.getBody().isEmpty()) {
      return Optional.empty();
    }
    List<SecurityRule> rules = rules(inOrder(m.getBody().get()), Set.of(), DEST_MATCHERS, NON_SEND_MATCHERS, unit,
        false);
    return Optional.of(new MessageSecurityFact(rules));
  }

  private static List<SecurityRule> rules(List<MethodCallExpr> calls, Set<MethodCallExpr> consumed,
      Set<String> matchers, Set<String> nonMatching, JavaUnit unit, boolean http) {
    List<SecurityRule> rules = new ArrayList<>();
    MethodCallExpr pending = null;
    List<String> pendingPatterns = List.of();
    boolean pendingApplies = true;
    for (MethodCallExpr c : calls) {
      String name = c.getNameAsString();
      if (consumed.contains(c)) {
        continue;
      }
      if (matchers.contains(name) || ANY.contains(name) || nonMatching.contains(name)) {
        pending = c;
        pendingPatterns = new ArrayList<>();
        pendingApplies = !nonMatching.contains(name);
        if (matchers.contains(name)) {
          for (Expression a : c.getArguments()) {
            String text = a.toString();
            if (http && text.startsWith("HttpMethod.")) {
              pendingApplies &= text.equals("HttpMethod.GET"); // the handshake is a GET
            } else {
              List<String> p = patterns(a);
              pendingPatterns.addAll(p.isEmpty() ? List.of("?" + text) : p);
            }
          }
        }
      } else if (ACCESS.contains(name) && pending != null) {
        String access = name + "(" + c.getArguments().stream().map(Object::toString)
            .reduce((a, b) -> a + ", " + b).orElse("") + ")";
        String matcher = pending.getNameAsString() + "(" + pending.getArguments().stream().map(Object::toString)
            .reduce((a, b) -> a + ", " + b).orElse("") + ")";
        rules.add(new SecurityRule(pendingPatterns, pendingApplies, name, unit.head(c.getName()),
            matcher + "." + access));
        pending = null;
      }
    }
    return rules;
  }

  /** The path strings a matcher argument names: a literal, {@code new AntPathRequestMatcher("/x")}, {@code antMatcher("/x")}. */
  private static List<String> patterns(Expression a) {
    List<String> direct = RegistrationReader.constantStrings(a);
    if (!direct.isEmpty()) {
      return direct;
    }
    if (a instanceof ObjectCreationExpr || a instanceof MethodCallExpr) {
      List<String> out = new ArrayList<>();
      for (StringLiteralExpr s : a.findAll(StringLiteralExpr.class)) {
        if (s.asString().startsWith("/")) {
          out.add(s.asString());
        }
      }
      return out;
    }
    return List.of();
  }

  private static List<MethodCallExpr> inOrder(Node body) {
    List<MethodCallExpr> calls = new ArrayList<>(body.findAll(MethodCallExpr.class));
    calls.sort(Comparator.comparing((MethodCallExpr c) -> c.getName().getBegin().map(p -> p.line).orElse(0))
        .thenComparing(c -> c.getName().getBegin().map(p -> p.column).orElse(0)));
    return calls;
  }

  /** {@code @Order(n)} on the bean method or its class; Spring's lowest precedence when absent. */
  private static int order(MethodDeclaration m, JavaUnit unit) {
    Optional<AnnotationExpr> a = JavaCode.annotation(m, unit, SpringTypes.ORDER);
    if (a.isEmpty()) {
      a = m.findAncestor(ClassOrInterfaceDeclaration.class).flatMap(c -> JavaCode.annotation(c, unit,
          SpringTypes.ORDER));
    }
    return a.flatMap(x -> JavaCode.member(x, "value")).map(v -> {
      if (v instanceof IntegerLiteralExpr i) {
        return i.asNumber().intValue();
      }
      if (v.isUnaryExpr() && v.asUnaryExpr().getExpression() instanceof IntegerLiteralExpr i) {
        return -i.asNumber().intValue();
      }
      return Integer.MAX_VALUE;
    }).orElse(Integer.MAX_VALUE);
  }
}
