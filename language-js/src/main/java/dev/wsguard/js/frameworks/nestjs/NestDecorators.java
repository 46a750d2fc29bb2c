package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Decorators as NestJS reads them: on a class (TypeScript puts them on the {@code export} statement when the class is
 * exported), on a class member (TypeScript keeps them as siblings before the member, JavaScript inside it) and on a
 * parameter; and which package export a decorator is, after imports and requires are followed.
 */
final class NestDecorators {
  static final String WEBSOCKETS = "@nestjs/websockets";
  static final String COMMON = "@nestjs/common";

  private final FileContext cx;

  NestDecorators(FileContext cx) {
    this.cx = cx;
  }

  /** The decorators of a class declaration, in source order. */
  static List<Node> ofClass(Node cls) {
    List<Node> out = new ArrayList<>();
    Node parent = cls.parent();
    if (parent != null && parent.is("export_statement")) {
      out.addAll(parent.childrenOf("decorator"));
    }
    out.addAll(cls.childrenOf("decorator"));
    return out;
  }

  /** The decorators of a class member (a method or a field), in source order. */
  static List<Node> ofMember(Node member) {
    List<Node> out = new ArrayList<>();
    Node body = member.parent();
    if (body != null && body.is("class_body")) {
      List<Node> siblings = body.namedChildren();
      int i = siblings.indexOf(member) - 1;
      while (i >= 0 && siblings.get(i).is("decorator")) {
        i--;
      }
      for (int k = i + 1; k < siblings.indexOf(member); k++) {
        out.add(siblings.get(k));
      }
    }
    out.addAll(member.childrenOf("decorator"));
    return out;
  }

  /** The decorators of a parameter ({@code @MessageBody() dto: Dto}). */
  static List<Node> ofParameter(Node parameter) {
    return parameter.childrenOf("decorator");
  }

  /** The call of a decorator ({@code WebSocketGateway(...)} in {@code @WebSocketGateway(...)}); null if bare. */
  static Node call(Node decorator) {
    Node e = decorator.namedChild(0);
    return e != null && e.is("call_expression") ? e : null;
  }

  /** The name a decorator is written with: {@code Roles} for {@code @Roles('admin')}. */
  static String name(Node decorator) {
    Node e = decorator.namedChild(0);
    if (e == null) {
      return null;
    }
    return e.is("call_expression") ? Syntax.calleeName(e) : Syntax.lastName(e);
  }

  /** True when the decorator is the named export of the package ({@code WebSocketGateway} of @nestjs/websockets). */
  boolean is(Node decorator, String module, String export) {
    Node e = decorator.namedChild(0);
    Node callee = e != null && e.is("call_expression") ? Syntax.callee(e) : e;
    Api api = callee == null ? null : cx.resolver().resolve(callee);
    return api != null && api.module().equals(module) && api.path().equals(List.of(export));
  }

  /** The first of the decorators that is the package's export; null when none is. */
  Node find(List<Node> decorators, String module, String export) {
    for (Node d : decorators) {
      if (is(d, module, export)) {
        return d;
      }
    }
    return null;
  }
}
