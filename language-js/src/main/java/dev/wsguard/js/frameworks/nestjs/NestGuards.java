package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.analysis.Words;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the guards bound to a message handler check. Nest runs {@code @UseGuards(...)} of the gateway class and of the
 * method before every message the method handles, never on the connection (nestjs/nest#882), so a guard is a
 * per-message check and never upgrade authentication. A guard that reads the user's roles or permissions (directly,
 * through a permission helper, or through route metadata read with {@code Reflector}) checks a permission. A guard
 * that only establishes who the user is (verifies a token, {@code AuthGuard('jwt')} of @nestjs/passport) checks
 * identity: the action still runs for every signed-in user, so it is no permission check.
 */
final class NestGuards {
  /** What one guard checks. */
  enum Kind {
    PERMISSION,
    IDENTITY,
    UNREADABLE
  }

  /** @param ref for a guard of another module of the project: its {@code canActivate}; null otherwise */
  record Guard(Kind kind, Node at, String detail, FunctionRef ref) {
    Guard(Kind kind, Node at, String detail) {
      this(kind, at, detail, null);
    }
  }

  /** A handler as its guards leave it, and the guards of other modules that link time reads. */
  record Guarded(MessageHandler handler, List<FunctionRef> imported, SourceLocation at) {}

  private static final Set<String> TESTS = Set.of("includes", "some", "every", "has", "indexOf");
  private static final Set<String> REFLECTOR_READS = Set.of("get", "getAll", "getAllAndOverride", "getAllAndMerge");
  /** Role-table words that name no permission when a guard reads them ({@code context.getType()}, a log level). */
  private static final Set<String> NOT_ROLES = Set.of("type", "level");

  private final FileContext cx;
  private final NestDecorators decorators;

  NestGuards(FileContext cx, NestDecorators decorators) {
    this.cx = cx;
    this.decorators = decorators;
  }

  /** The handler with the permission its guards check folded in. */
  Guarded apply(Gateway gateway, Node method, MessageHandler h) {
    if (!h.privileged() || h.permissionCheck() == PermissionCheck.PRESENT) {
      return new Guarded(h, List.of(), null);
    }
    List<Node> all = new ArrayList<>(NestDecorators.ofClass(gateway.declaration()));
    all.addAll(NestDecorators.ofMember(method));
    List<Guard> guards = new ArrayList<>();
    Node requirement = null;
    for (Node d : all) {
      if (decorators.is(d, NestDecorators.COMMON, "UseGuards")) {
        for (Node argument : Syntax.arguments(NestDecorators.call(d))) {
          guards.add(guard(argument));
        }
      } else if (requirement == null && declaresRequirement(d)) {
        requirement = d;
      }
    }
    List<RelatedLocation> evidence = new ArrayList<>(h.evidence());
    PermissionCheck check = h.permissionCheck();
    Guard permission = guards.stream().filter(g -> g.kind() == Kind.PERMISSION).findFirst().orElse(null);
    Guard unreadable = guards.stream().filter(g -> g.kind() == Kind.UNREADABLE).findFirst().orElse(null);
    if (permission != null) {
      check = PermissionCheck.PRESENT;
      evidence.add(new RelatedLocation(permission.at().location(), permission.detail()));
    } else if (requirement != null && unreadable != null) {
      // @Roles('admin') with a guard wsguard could not read: the metadata exists for a guard to enforce
      check = PermissionCheck.PRESENT;
      List<String> names = guards.stream().filter(g -> g.kind() == Kind.UNREADABLE).map(g -> Syntax.compact(g.at()))
          .toList();
      evidence.add(new RelatedLocation(requirement.location(), Syntax.compact(requirement.namedChild(0))
          + " sets the requirement that the guards bound here (" + String.join(", ", names) + ") enforce"));
    } else if (requirement != null && guards.isEmpty()) {
      check = PermissionCheck.UNKNOWN;
      evidence.add(new RelatedLocation(requirement.location(), Syntax.compact(requirement.namedChild(0))
          + " only sets metadata; no guard bound here enforces it (a global guard might)"));
    } else if (unreadable != null) {
      check = PermissionCheck.UNKNOWN;
      evidence.add(new RelatedLocation(unreadable.at().location(), unreadable.detail() + ", which wsguard could not"
          + " read"));
    } else if (!guards.isEmpty()) {
      evidence.add(new RelatedLocation(guards.get(0).at().location(), guards.get(0).detail()
          + " checks who the user is, not whether they may do this"));
    }
    MessageHandler out = new MessageHandler(h.messageType(), h.location(), h.privilegedAction(), check,
        check == PermissionCheck.PRESENT ? null : h.clientSuppliedId(), evidence);
    List<FunctionRef> imported = new ArrayList<>();
    for (Guard g : guards) {
      if (g.ref() != null) {
        imported.add(g.ref());
      }
    }
    boolean settled = check == PermissionCheck.PRESENT || guards.stream().anyMatch(g -> g.kind() == Kind.UNREADABLE
        && g.ref() == null);
    return new Guarded(out, settled ? List.of() : imported, unreadable == null ? null : unreadable.at().location());
  }

  /** What a guard class exported by this file checks, for link time; null when the class is no guard. */
  MessageHandler exportedGuard(Node canActivate) {
    Node cls = canActivate.ancestor("class_declaration", "class", "abstract_class_declaration");
    Node name = cls == null ? null : cls.child("name");
    if (name == null) {
      return null;
    }
    Guard g = classify(cls, name);
    if (g.kind() == Kind.UNREADABLE) {
      return null;
    }
    PermissionCheck check = g.kind() == Kind.PERMISSION ? PermissionCheck.PRESENT : PermissionCheck.ABSENT;
    return new MessageHandler(null, canActivate.location(), null, check, null,
        List.of(new RelatedLocation(canActivate.location(), g.detail())));
  }

  /** {@code @Roles('admin')}, {@code @RequirePermissions(...)}, {@code @SetMetadata('roles', [...])}. */
  private boolean declaresRequirement(Node decorator) {
    Node call = NestDecorators.call(decorator);
    if (call == null || Syntax.arguments(call).isEmpty()) {
      return false;
    }
    if (decorators.is(decorator, NestDecorators.COMMON, "SetMetadata")) {
      String key = Syntax.stringValue(Syntax.argument(call, 0));
      return key != null && namesRole(key);
    }
    String name = NestDecorators.name(decorator);
    return name != null && namesRole(name);
  }

  private boolean namesRole(String name) {
    for (String w : Words.split(name)) {
      if (!NOT_ROLES.contains(w) && (cx.tables().isRoleProperty(w) || cx.tables().isRoleProperty(w + "s"))) {
        return true;
      }
    }
    return false;
  }

  private Guard guard(Node argument) {
    Node e = Syntax.unwrap(argument);
    if (e.is("new_expression")) {
      e = Syntax.unwrap(e.child("constructor"));
    }
    if (e.is("call_expression")) {
      Api api = cx.resolver().resolve(Syntax.callee(e));
      if (api != null && api.module().equals("@nestjs/passport") && api.path().equals(List.of("AuthGuard"))) {
        // passport strategies authenticate; authorisation is left to other guards
        return new Guard(Kind.IDENTITY, argument, Syntax.compact(argument));
      }
      return new Guard(Kind.UNREADABLE, argument, Syntax.compact(argument));
    }
    Node cls = localClass(e);
    if (cls == null) {
      Api api = cx.resolver().resolve(e);
      String from = api == null || api.isGlobal() ? "" : " from '" + api.module() + "'";
      FunctionRef ref = api != null && api.isRelative() && api.path().size() == 1
          ? FunctionRef.imported(cx.path(), api.module(), api.path().get(0) + ".canActivate") : null;
      return new Guard(Kind.UNREADABLE, argument, "the guard " + Syntax.compact(argument) + from, ref);
    }
    return classify(cls, argument);
  }

  private Node localClass(Node e) {
    if (e == null || !e.is("identifier")) {
      return null;
    }
    Node declaration = cx.scopes().declarationOf(e);
    Node parent = declaration == null ? null : declaration.parent();
    return parent != null && parent.isAny("class_declaration", "class", "abstract_class_declaration") ? parent : null;
  }

  /** A guard class of this file: what its {@code canActivate} (and the methods it calls) reads. */
  private Guard classify(Node cls, Node argument) {
    Node body = cls.child("body");
    Node canActivate = null;
    for (Node m : body == null ? List.<Node>of() : body.namedChildren()) {
      if (m.is("method_definition") && "canActivate".equals(FileContext.propertyName(m.child("name")))) {
        canActivate = m;
      }
    }
    String name = Syntax.compact(argument);
    if (canActivate == null) {
      return new Guard(Kind.UNREADABLE, argument, "the guard " + name + " (no canActivate found)");
    }
    List<Node> code = new ArrayList<>(List.of(canActivate));
    for (Node n : canActivate.descendants()) {
      Node local = n.is("call_expression") ? cx.localFunction(Syntax.callee(n)) : null;
      if (local != null && !local.within(canActivate)) {
        code.add(local);
      }
    }
    for (Node root : code) {
      for (Node n : root.descendants()) {
        if (n.is("property_identifier") && !NOT_ROLES.contains(n.text()) && cx.tables().isRoleProperty(n.text())
            && n.parent() != null && n.parent().is("member_expression") && tested(n.parent())) {
          return new Guard(Kind.PERMISSION, argument, "the guard " + name + " checks " + Syntax.compact(n.parent()));
        }
        if (n.is("call_expression")) {
          String method = String.valueOf(Syntax.calleeName(n));
          Node receiver = Syntax.receiver(n);
          if (cx.tables().isPermissionHelper(method)) {
            return new Guard(Kind.PERMISSION, argument, "the guard " + name + " calls " + Syntax.compact(n));
          }
          if (REFLECTOR_READS.contains(method) && receiver != null && readsHandlerMetadata(n)) {
            return new Guard(Kind.PERMISSION, argument, "the guard " + name + " enforces the handler's metadata ("
                + Syntax.compact(n) + ")");
          }
        }
      }
    }
    return new Guard(Kind.IDENTITY, argument, "the guard " + name);
  }

  /**
   * The value decides something: it sits in a condition, a comparison or a returned value, not in an object built for
   * later ({@code client.data.user = { id: p.sub, role: p.role }} copies the role without checking it).
   */
  private static boolean tested(Node value) {
    for (Node p = value.parent(); p != null && !Syntax.isFunction(p); p = p.parent()) {
      if (p.is("call_expression") && TESTS.contains(String.valueOf(Syntax.calleeName(p)))) {
        return true;
      }
      if (p.isAny("pair", "variable_declarator", "assignment_expression")) {
        return false;
      }
      if (p.isAny("binary_expression", "unary_expression", "return_statement", "ternary_expression")
          || p.is("parenthesized_expression") && p.parent() != null && p.parent().is("if_statement")) {
        return true;
      }
    }
    return false;
  }

  /** {@code this.reflector.getAllAndOverride(ROLES_KEY, [context.getHandler(), ...])}: per-handler requirements. */
  private static boolean readsHandlerMetadata(Node call) {
    for (Node n : call.descendants()) {
      if (n.is("call_expression") && "getHandler".equals(Syntax.calleeName(n))) {
        return true;
      }
    }
    return false;
  }
}
