package dev.wsguard.js.analysis;

import dev.wsguard.core.model.Provenance;
import dev.wsguard.js.parse.Node;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies where a sent payload comes from: the incoming message (echo), constants and public feeds, one user's
 * data, sensitive data (credentials, sessions, query results, user lists), or unknown. Name fragments come from the
 * data tables; values are followed through constants, destructuring and serialisation.
 */
public final class Payloads {
  private static final int MAX_DEPTH = 6;
  private static final Set<String> SERIALISERS = Set.of("stringify", "String", "toString", "from", "encode",
      "serialize", "pack");
  private static final Set<String> TIME_AND_MATH = Set.of("Date", "Math", "performance", "process.uptime",
      "process.hrtime");
  private static final Set<String> SIZE = Set.of("length", "size");
  /** Methods only a Date has: what they return is a point in time. */
  private static final Set<String> DATE_METHODS = Set.of("toISOString", "toUTCString", "toDateString",
      "toTimeString", "getTime");

  /** Ordered weakest to strongest: combining keeps the strongest. */
  private enum Kind {
    SENDER,
    PUBLIC,
    ECHO,
    UNKNOWN,
    PER_USER,
    SENSITIVE;

    Kind max(Kind other) {
      return other.ordinal() > ordinal() ? other : this;
    }

    Provenance provenance() {
      return switch (this) {
        case SENDER, PUBLIC -> Provenance.PUBLIC;
        case ECHO -> Provenance.ECHO;
        case UNKNOWN -> Provenance.UNKNOWN;
        case PER_USER -> Provenance.PER_USER;
        case SENSITIVE -> Provenance.SENSITIVE;
      };
    }
  }

  private final FileContext cx;
  private final Identity identity;
  private final ApiTables tables;

  public Payloads(FileContext cx) {
    this.cx = cx;
    this.identity = new Identity(cx);
    this.tables = cx.tables();
  }

  public Provenance classify(Node payload) {
    return kind(payload, 0).provenance();
  }

  private Kind kind(Node expr, int depth) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null) {
      return Kind.UNKNOWN;
    }
    if (depth > MAX_DEPTH) {
      return Kind.UNKNOWN;
    }
    if (e.isAny("string", "number", "true", "false", "null", "undefined", "regex")) {
      return Kind.PUBLIC;
    }
    if (cx.messageDerived(e)) {
      return Kind.ECHO;
    }
    switch (e.type()) {
      case "template_string" -> {
        Kind k = Kind.PUBLIC;
        for (Node sub : e.namedChildren()) {
          if (sub.is("template_substitution")) {
            k = k.max(kind(sub.namedChild(0), depth + 1));
          }
        }
        return k;
      }
      case "object" -> {
        return object(e, depth);
      }
      case "array" -> {
        Kind k = Kind.PUBLIC;
        for (Node element : e.namedChildren()) {
          k = k.max(kind(element, depth + 1));
        }
        return k;
      }
      case "spread_element" -> {
        return kind(e.namedChild(0), depth + 1);
      }
      case "binary_expression" -> {
        return kind(e.child("left"), depth + 1).max(kind(e.child("right"), depth + 1));
      }
      case "ternary_expression" -> {
        return kind(e.child("consequence"), depth + 1).max(kind(e.child("alternative"), depth + 1));
      }
      case "identifier", "shorthand_property_identifier" -> {
        return identifier(e, depth);
      }
      case "member_expression", "subscript_expression" -> {
        return member(e, depth);
      }
      case "call_expression" -> {
        return call(e, depth);
      }
      case "new_expression" -> {
        Node constructor = Syntax.unwrap(e.child("constructor"));
        return constructor != null && constructor.text().equals("Date") ? Kind.PUBLIC : Kind.UNKNOWN;
      }
      default -> {
        return Kind.UNKNOWN;
      }
    }
  }

  private Kind object(Node object, int depth) {
    Kind k = Kind.PUBLIC;
    for (Node member : object.namedChildren()) {
      if (member.is("pair")) {
        String key = FileContext.propertyName(member.child("key"));
        k = k.max(property(key, member.child("value"), depth));
      } else if (member.is("shorthand_property_identifier")) {
        k = k.max(property(member.text(), member, depth));
      } else if (member.is("spread_element")) {
        k = k.max(kind(member.namedChild(0), depth + 1));
      }
    }
    return k;
  }

  private Kind property(String key, Node value, int depth) {
    Kind k = kind(value, depth + 1);
    // { users: clients.size } is a count, { users: names } display names: what the value holds outranks the key
    if (key != null && sensitive(key) && k != Kind.PUBLIC && k != Kind.SENDER) {
      return Kind.SENSITIVE;
    }
    if (k == Kind.UNKNOWN && key != null && isPublic(key)) {
      return Kind.PUBLIC;
    }
    return k;
  }

  private Kind identifier(Node id, int depth) {
    String name = id.text();
    Node declaration = cx.scopes().declarationOf(id);
    if (declaration != null) {
      Node declarator = declaration.ancestor("variable_declarator");
      if (declarator != null && declaration.within(declarator.child("name")) && declarator.child("value") != null) {
        Node pattern = declarator.child("name");
        Node init = declarator.child("value");
        if (pattern == declaration) {
          Kind k = kind(init, depth + 1);
          return k == Kind.UNKNOWN ? byName(name, k) : k;
        }
        // const { userId, displayName } = req.session: the sender's own fields
        if (identity.isIdentity(init)) {
          return tables.isSenderField(name) ? Kind.SENDER : sensitive(name) ? Kind.SENSITIVE : Kind.PER_USER;
        }
        Kind whole = kind(init, depth + 1);
        return whole == Kind.UNKNOWN ? byName(name, whole) : whole;
      }
    }
    if (identity.isIdentity(id)) {
      return sensitive(name) ? Kind.SENSITIVE : Kind.PER_USER;
    }
    return byName(name, Kind.UNKNOWN);
  }

  private Kind member(Node e, int depth) {
    String name = Syntax.lastName(e);
    if (name != null && SIZE.contains(name)) {
      return Kind.PUBLIC;
    }
    if (identity.isIdentity(e)) {
      if (name != null && sensitive(name)) {
        return Kind.SENSITIVE;
      }
      return name != null && tables.isSenderField(name) ? Kind.SENDER : Kind.PER_USER;
    }
    // socket.id: the connection's own id, which relays attach to say who sent or left
    Node owner = Syntax.unwrap(Syntax.object(e));
    if (name != null && name.equals("id") && owner != null && owner.is("identifier")
        && cx.roleOfExpression(owner) == Role.CONNECTION) {
      return Kind.SENDER;
    }
    if (name != null && sensitive(name)) {
      return Kind.SENSITIVE;
    }
    if (name != null && isPublic(name)) {
      return Kind.PUBLIC;
    }
    Kind object = kind(Syntax.object(e), depth + 1);
    return object == Kind.SENSITIVE || object == Kind.PER_USER || object == Kind.ECHO ? object : Kind.UNKNOWN;
  }

  private Kind call(Node call, int depth) {
    Node callee = Syntax.callee(call);
    String name = Syntax.calleeName(call);
    if (callee == null || name == null) {
      return Kind.UNKNOWN;
    }
    if (SERIALISERS.contains(name)) {
      Node receiver = Syntax.receiver(call);
      Node subject = name.equals("toString") && receiver != null ? receiver : Syntax.argument(call, 0);
      return subject == null ? Kind.PUBLIC : kind(subject, depth + 1);
    }
    if (DATE_METHODS.contains(name)) {
      return Kind.PUBLIC;
    }
    Kind projected = projection(call, name, depth);
    if (projected != null) {
      return projected;
    }
    Api api = cx.resolver().resolve(callee);
    if (api != null && api.isGlobal() && !api.path().isEmpty()
        && (TIME_AND_MATH.contains(api.path().get(0)) || TIME_AND_MATH.contains(api.qualified()))) {
      return Kind.PUBLIC;
    }
    List<String> chain = Calls.calleeChain(callee);
    for (String part : chain) {
      if (sensitive(part)) {
        return Kind.SENSITIVE;
      }
    }
    if (chain.size() > 1 && tables.isDbReceiver(chain.get(0))) {
      List<String> verb = Words.split(name);
      if (!verb.isEmpty() && tables.isDbReadVerb(verb.get(0))) {
        return Kind.SENSITIVE;
      }
    }
    if (isPublic(name)) {
      return Kind.PUBLIC;
    }
    return Kind.UNKNOWN;
  }

  /**
   * {@code list.map(u => u.name)}, {@code list.map(({ id, email }) => ({ id, email }))}: a projection sends only the
   * fields its callback returns, so those decide; null when the call is no projection wsguard can read.
   */
  private Kind projection(Node call, String name, int depth) {
    if (!name.equals("map") && !name.equals("flatMap") || Syntax.receiver(call) == null) {
      return null;
    }
    Node fn = Syntax.unwrap(Syntax.argument(call, 0));
    if (!Syntax.isFunction(fn)) {
      return null;
    }
    Node body = Syntax.body(fn);
    Node returned = body;
    if (body != null && body.is("statement_block")) {
      List<Node> statements = Syntax.statements(body);
      Node last = statements.size() == 1 ? statements.get(0) : null;
      returned = last != null && last.is("return_statement") ? last.namedChild(0) : null;
    }
    returned = Syntax.unwrap(returned);
    if (returned == null) {
      return null;
    }
    // u.name: one field of the element
    Node element = Syntax.parameter(fn, 0);
    if (returned.is("member_expression") && element != null && element.is("identifier")) {
      Node object = Syntax.unwrap(Syntax.object(returned));
      String field = Syntax.lastName(returned);
      if (object != null && object.is("identifier") && cx.scopes().declarationOf(object) == element
          && field != null) {
        if (sensitive(field)) {
          return Kind.SENSITIVE;
        }
        if (tables.isSenderField(field)) {
          return Kind.SENDER;
        }
        return isPublic(field) ? Kind.PUBLIC : Kind.UNKNOWN;
      }
    }
    return kind(returned, depth + 1);
  }

  private Kind byName(String name, Kind otherwise) {
    if (sensitive(name)) {
      return Kind.SENSITIVE;
    }
    if (isPublic(name)) {
      return Kind.PUBLIC;
    }
    return otherwise;
  }

  private boolean sensitive(String name) {
    if (Words.anyIn(name, tables.sensitiveWords()) != null) {
      return true;
    }
    return tables.sensitiveWords().contains(name.toLowerCase(Locale.ROOT));
  }

  private boolean isPublic(String name) {
    return Words.anyIn(name, tables.publicWords()) != null;
  }
}
