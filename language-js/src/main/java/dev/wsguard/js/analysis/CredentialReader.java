package dev.wsguard.js.analysis;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.js.parse.Node;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which credentials a piece of code reads from the request or the message: the Authorization header, the
 * subprotocol header, a query token, cookies, a session, HTTP Basic credentials, a client certificate, a token in
 * the message. Local functions it calls are read too, two levels deep.
 */
public final class CredentialReader {
  private static final java.util.Set<String> QUERY_OBJECTS = java.util.Set.of("query", "searchParams", "params",
      "queryParams", "qs");
  private final FileContext cx;

  public CredentialReader(FileContext cx) {
    this.cx = cx;
  }

  public Set<CredentialSource> read(Node code) {
    Set<CredentialSource> found = EnumSet.noneOf(CredentialSource.class);
    read(code, found, 0);
    return found;
  }

  private void read(Node code, Set<CredentialSource> found, int depth) {
    if (code == null || depth > 2) {
      return;
    }
    for (Node n : code.descendants()) {
      if (n.isAny("property_identifier", "string_fragment", "shorthand_property_identifier_pattern")) {
        name(n.text(), n, found);
      } else if (n.is("call_expression")) {
        CallKind kind = cx.classify(n);
        if (kind.type() == CallKind.Type.VERIFY && kind.credential() != null) {
          found.add(CredentialSource.valueOf(kind.credential()));
        }
        if (kind.type() == CallKind.Type.SESSION_PARSER || kind.type() == CallKind.Type.VERIFY && !kind.token()) {
          found.add(CredentialSource.HTTP_SESSION);
        } else if (kind.type() == CallKind.Type.CREDENTIAL_PARSER) {
          found.add(CredentialSource.valueOf(kind.library()));
        }
        Node local = cx.localFunction(Syntax.callee(n));
        if (local != null && !local.within(code) && depth < 2) {
          read(local, found, depth + 1);
        }
      }
    }
  }

  private void name(String raw, Node at, Set<CredentialSource> found) {
    String name = raw.toLowerCase(Locale.ROOT);
    switch (name) {
      case "authorization" -> found.add(CredentialSource.HEADER_TOKEN);
      case "sec-websocket-protocol" -> found.add(CredentialSource.SUBPROTOCOL_TOKEN);
      case "cookie", "cookies" -> {
        if (headerOrCookieJar(at)) {
          found.add(CredentialSource.COOKIE);
        }
      }
      case "session" -> {
        if (at.is("property_identifier") && requestMember(at)) {
          found.add(CredentialSource.HTTP_SESSION);
        }
      }
      case "searchparams", "query", "getquery" -> {
        if (!at.is("string_fragment") && (readsToken(at) || readsTokenThroughVariable(at))) {
          found.add(CredentialSource.QUERY_TOKEN);
        }
      }
      case "getpeercertificate" -> found.add(CredentialSource.CLIENT_CERT);
      case "token", "access_token", "accesstoken", "jwt", "auth" -> {
        Node object = at.is("property_identifier") ? at.parent().child("object") : null;
        if (object != null && cx.messageDerived(object)) {
          found.add(CredentialSource.FIRST_MESSAGE_TOKEN);
        } else if (name.equals("auth") && object != null && "handshake".equals(Syntax.lastName(object))) {
          // socket.handshake.auth: what the Socket.IO client sends in its CONNECT packet, the first message
          found.add(CredentialSource.FIRST_MESSAGE_TOKEN);
        } else if (object != null && QUERY_OBJECTS.contains(String.valueOf(Syntax.lastName(object)))) {
          // const { query } = url.parse(req.url, true); query.token
          found.add(CredentialSource.QUERY_TOKEN);
        } else if (object != null && name.equals("auth") && "handshake".equals(Syntax.lastName(object))) {
          // socket.handshake.auth: Socket.IO's CONNECT packet carries what the client code passed as `auth`; the
          // browser never fills it in by itself, so it is an explicit token like a first message
          found.add(CredentialSource.FIRST_MESSAGE_TOKEN);
        }
      }
      default -> {
        if (namesTokenHeader(name) && headerName(at)) {
          // req.headers['x-api-key'], req.headers['x-auth-token']: a header the browser never sets by itself
          found.add(CredentialSource.HEADER_TOKEN);
        }
      }
    }
  }

  private static boolean namesTokenHeader(String name) {
    return name.contains("token") || name.contains("api-key") || name.contains("apikey") || name.contains("api_key")
        || name.contains("auth");
  }

  /** {@code headers['x-api-key']}, {@code headers.get('x-api-key')}: the name of a request header. */
  private static boolean headerName(Node at) {
    Node n = at.is("string_fragment") ? at.parent() : at;
    Node holder = n == null ? null : n.parent();
    if (holder == null) {
      return false;
    }
    if (holder.is("subscript_expression") && "headers".equals(Syntax.lastName(holder.child("object")))) {
      return true;
    }
    if (holder.is("arguments") && holder.parent() != null && holder.parent().is("call_expression")) {
      Node call = holder.parent();
      return "get".equals(Syntax.calleeName(call)) && "headers".equals(Syntax.lastName(Syntax.receiver(call)))
          || isGetHeader(call);
    }
    return false;
  }

  /** uWebSockets.js's {@code req.getHeader('name')} on the upgrade request. */
  private static boolean isGetHeader(Node call) {
    return "getHeader".equals(Syntax.calleeName(call)) && Syntax.receiver(call) != null;
  }

  /**
   * {@code const params = new URL(req.url, base).searchParams; params.get('access_token')}: the query object is kept
   * in a variable, and a token is read from it where the variable is used.
   */
  private boolean readsTokenThroughVariable(Node property) {
    Node declarator = property.ancestor("variable_declarator");
    if (declarator == null || declarator.child("value") == null || !property.within(declarator.child("value"))) {
      return false;
    }
    Node name = declarator.child("name");
    if (name == null || !name.is("identifier")) {
      return false;
    }
    Node scope = Syntax.enclosingFunction(declarator);
    Node root = scope != null ? scope : declarator.tree().root();
    for (Node n : root.descendants()) {
      if (n.is("identifier") && n != name && n.text().equals(name.text()) && cx.scopes().declarationOf(n) == name) {
        if (readsToken(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code req.headers.cookie}, {@code headers['cookie']}, {@code req.cookies}: not a cookie option object. */
  private static boolean headerOrCookieJar(Node at) {
    Node literal = at.is("string_fragment") ? at.parent() : null;
    Node holder = literal == null ? null : literal.parent();
    if (holder != null && holder.is("arguments") && holder.parent() != null && isGetHeader(holder.parent())) {
      return true;
    }
    Node member = at.ancestor("member_expression", "subscript_expression");
    return member != null && (member.text().contains("headers") || member.text().contains("req")
        || member.text().contains("request"));
  }

  private boolean requestMember(Node property) {
    Node member = property.parent();
    if (member == null || !member.is("member_expression")) {
      return false;
    }
    Role role = cx.roleOfExpression(member.child("object"));
    return role == Role.REQUEST;
  }

  /** A query read that names a token: {@code searchParams.get('token')}, {@code query.access_token}. */
  private static boolean readsToken(Node property) {
    Node around = property.ancestor("variable_declarator", "assignment_expression", "expression_statement",
        "return_statement", "arguments");
    String text = (around == null ? property.parent() : around).text().toLowerCase(Locale.ROOT);
    return text.contains("token") || text.contains("jwt") || text.contains("auth") || text.contains("key")
        || text.contains("ticket");
  }
}
