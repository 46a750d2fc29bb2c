package dev.wsguard.js.frameworks.ws;

import dev.wsguard.js.analysis.Api;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A ws server as one file sees it: created here ({@code new WebSocketServer(...)}) or imported from another module
 * of the project. Knows which expressions name it.
 */
final class Server {
  final Node creation;
  final Node binding;
  final String memberKey;
  final Api imported;
  final List<Node> connectionHandlers = new ArrayList<>();
  final List<Node> connectionRegistrations = new ArrayList<>();
  final List<Node> upgradeCalls = new ArrayList<>();

  private Server(Node creation, Node binding, String memberKey, Api imported) {
    this.creation = creation;
    this.binding = binding;
    this.memberKey = memberKey;
    this.imported = imported;
  }

  static Server created(FileContext cx, Node creation) {
    Node parent = Syntax.wrapped(creation).parent();
    Node binding = null;
    String key = null;
    if (parent != null && parent.is("variable_declarator") && parent.child("name").is("identifier")) {
      binding = parent.child("name");
    } else if (parent != null && parent.is("assignment_expression")) {
      Node left = Syntax.unwrap(parent.child("left"));
      if (left != null && left.is("identifier")) {
        binding = cx.scopes().declarationOf(left);
      } else if (left != null && left.is("member_expression")) {
        key = cx.memberKey(left);
      }
    }
    return new Server(creation, binding, key, null);
  }

  static Server imported(Api api) {
    return new Server(null, null, null, api);
  }

  /** A server handed to a function as its parameter (null when the function takes none). */
  static Server parameter(Node declaration) {
    return new Server(null, declaration, null, null);
  }

  boolean isLocal() {
    return creation != null;
  }

  /** The local name it is bound to, for exports; null when unbound or bound to a member. */
  String bindingName() {
    return binding == null ? null : binding.text();
  }

  boolean matches(FileContext cx, Node expr) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null) {
      return false;
    }
    if (creation != null && e == creation) {
      return true;
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      if (binding != null && declaration == binding) {
        return true;
      }
      if (imported != null) {
        return imported.equals(cx.resolver().resolve(e));
      }
      return false;
    }
    if (e.is("member_expression")) {
      if (memberKey != null && memberKey.equals(cx.memberKey(e))) {
        return true;
      }
      return imported != null && imported.equals(cx.resolver().resolve(e));
    }
    return false;
  }
}
