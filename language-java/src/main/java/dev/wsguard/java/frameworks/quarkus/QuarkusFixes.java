package dev.wsguard.java.frameworks.quarkus;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.java.fix.JavaEdits;
import dev.wsguard.java.fix.JavaFixer;
import dev.wsguard.java.frameworks.spring.JavaCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patches for Quarkus websockets-next {@code @WebSocket} endpoints. Upgrade authentication is {@code @Authenticated}
 * on the endpoint class: websockets-next then checks the security identity at the HTTP upgrade and refuses an
 * anonymous one, so until the project enables an authentication mechanism (OIDC, SmallRye JWT, form or basic)
 * every upgrade is refused. A class that says {@code @PermitAll} gets no patch: opening it was the author's choice.
 * Origins are checked by an {@code HttpUpgradeCheck} bean, since websockets-next checks none itself.
 * Legacy quarkus-websockets endpoints are Jakarta endpoints, patched as such.
 */
public final class QuarkusFixes implements JavaFixer {
  private static final String AUTHENTICATED = "io.quarkus.security.Authenticated";
  private static final String ORIGIN_CHECK = "OriginCheck";
  private static final List<String> ORIGIN_IMPORTS = List.of("io.quarkus.websockets.next.HttpUpgradeCheck",
      "io.smallrye.mutiny.Uni", "jakarta.enterprise.context.ApplicationScoped", "java.util.Arrays", "java.util.Set",
      "java.util.stream.Collectors");
  private static final List<String> SECURITY = List.of(AUTHENTICATED, "jakarta.annotation.security.RolesAllowed",
      "io.quarkus.security.PermissionsAllowed", "jakarta.annotation.security.PermitAll",
      "jakarta.annotation.security.DenyAll");

  @Override
  public Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context) {
    Endpoint endpoint = intent.endpoint();
    if (!(intent instanceof FixIntent.AddUpgradeAuth || intent instanceof FixIntent.RestrictOrigins)) {
      return Optional.empty();
    }
    AnnotationExpr ws = edits.nodeAt(endpoint.declaration(), AnnotationExpr.class);
    if (ws == null || !(ws.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)) {
      return Optional.empty();
    }
    boolean authenticate = !endpoint.authenticated()
        && SECURITY.stream().noneMatch(q -> JavaCode.annotation(type, edits.unit(), q).isPresent());
    boolean checkOrigin = !endpoint.originPolicy().rejectsForeignOrigins();
    if (intent instanceof FixIntent.AddUpgradeAuth ? !authenticate : !checkOrigin) {
      return Optional.empty();
    }
    // where both are missing, either finding's patch adds both: their imports would collide, and the two patches
    // come out the same, so whichever is kept fixes both
    List<String> imports = new ArrayList<>();
    List<TextEdit> out = new ArrayList<>();
    List<String> what = new ArrayList<>();
    if (authenticate) {
      imports.add(AUTHENTICATED);
      out.add(edits.annotate(type, "@Authenticated"));
      what.add("@Authenticated on the endpoint class, so websockets-next refuses the upgrade of an anonymous request"
          + " (every request, until an authentication mechanism such as OIDC or SmallRye JWT is enabled)");
    }
    if (checkOrigin) {
      if (edits.mentions(ORIGIN_CHECK) || edits.mentions("ALLOWED_ORIGINS")) {
        return Optional.empty();
      }
      imports.addAll(ORIGIN_IMPORTS);
      Optional<TextEdit> member = edits.addMember(type, originCheck());
      if (member.isEmpty()) {
        return Optional.empty();
      }
      out.add(member.get());
      what.add("an HttpUpgradeCheck bean that answers 403 unless the Origin is listed in ALLOWED_ORIGINS (none"
          + " until it is set)");
    }
    Optional<List<TextEdit>> added = edits.addImports(imports);
    if (added.isEmpty()) {
      return Optional.empty();
    }
    out.addAll(added.get());
    return Optional.of(new Fix((authenticate ? "Authenticate at the upgrade: " : "Restrict Origins: ")
        + String.join("; and ", what), out));
  }

  /**
   * An {@code HttpUpgradeCheck} bean nested in the endpoint class that answers 403 to a browser page whose Origin is
   * not in {@code ALLOWED_ORIGINS}. Quarkus runs every such bean on every upgrade of the application, so it guards
   * the other websockets-next endpoints too.
   */
  private static String originCheck() {
    return "// Runs before the upgrade of every websockets-next endpoint of the application: a browser page from an\n"
        + "// Origin not listed in ALLOWED_ORIGINS gets 403\n"
        + "@ApplicationScoped\n"
        + "public static class " + ORIGIN_CHECK + " implements HttpUpgradeCheck {\n"
        + "  // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused\n"
        + "  private static final Set<String> ALLOWED_ORIGINS =\n"
        + "      Arrays.stream(System.getenv().getOrDefault(\"ALLOWED_ORIGINS\", \"\").split(\",\"))\n"
        + "          .map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());\n"
        + "\n"
        + "  @Override\n"
        + "  public Uni<CheckResult> perform(HttpUpgradeContext context) {\n"
        + "    // browsers always send Origin on a WebSocket upgrade; other clients are left to authentication\n"
        + "    String origin = context.httpRequest().getHeader(\"Origin\");\n"
        + "    if (origin != null && !ALLOWED_ORIGINS.contains(origin)) {\n"
        + "      return CheckResult.rejectUpgrade(403);\n"
        + "    }\n"
        + "    return CheckResult.permitUpgrade();\n"
        + "  }\n"
        + "}";
  }
}
