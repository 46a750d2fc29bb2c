package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.js.analysis.ApiResolver;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.Role;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code @WebSocketGateway(...)} class: its decorator and options, the {@code @WebSocketServer()} member, its
 * lifecycle methods and its {@code @SubscribeMessage} handlers.
 */
final class Gateway {
  /** Which server the gateway's adapter gives it, as far as the gateway's own file tells. */
  enum Adapter {
    /** The file uses socket.io's types. */
    SOCKET_IO,
    /** The file uses ws's types or its server's {@code clients} set: the app runs the ws adapter. */
    WS,
    /** Nothing in the file says: Nest's default is Socket.IO unless main.ts installs another adapter. */
    DEFAULT
  }

  /** One {@code @SubscribeMessage(event)} method. */
  record Handler(String event, Node decorator, Node method) {}

  private final FileContext cx;
  private final Node decorator;
  private final Node cls;
  private final Node body;
  private final Map<String, Node> options;
  private final Node optionsArgument;
  private final String serverField;
  private final Node handleConnection;
  private final Node afterInit;
  private final List<Handler> handlers;
  private Adapter adapter;

  private Gateway(FileContext cx, Node decorator, Node cls, Node optionsArgument, Map<String, Node> options,
      String serverField, Node handleConnection, Node afterInit, List<Handler> handlers) {
    this.cx = cx;
    this.decorator = decorator;
    this.cls = cls;
    this.body = cls.child("body");
    this.optionsArgument = optionsArgument;
    this.options = options;
    this.serverField = serverField;
    this.handleConnection = handleConnection;
    this.afterInit = afterInit;
    this.handlers = handlers;
  }

  /** Reads a gateway class; {@code decorator} is its {@code @WebSocketGateway(...)}. */
  static Gateway read(FileContext cx, NestDecorators decorators, Node decorator, Node cls) {
    Node call = NestDecorators.call(decorator);
    List<Node> args = call == null ? List.of() : Syntax.arguments(call);
    // @WebSocketGateway(port, options) or @WebSocketGateway(options); a lone port is a number or an expression such
    // as Number(process.env.WS_PORT)
    Node optionsArgument = null;
    if (args.size() >= 2) {
      optionsArgument = args.get(1);
    } else if (args.size() == 1) {
      Node only = Syntax.unwrap(args.get(0));
      boolean port = only.isAny("number", "call_expression", "member_expression", "binary_expression")
          || only.is("identifier") && cx.objectLiteral(only) == null
          && only.text().toLowerCase(Locale.ROOT).contains("port");
      optionsArgument = port ? null : args.get(0);
    }
    Map<String, Node> options = new LinkedHashMap<>();
    Node literal = optionsArgument == null ? null : cx.objectLiteral(optionsArgument);
    if (literal != null) {
      for (Node member : literal.namedChildren()) {
        if (member.is("pair")) {
          options.put(FileContext.propertyName(member.child("key")), member.child("value"));
        } else if (member.is("shorthand_property_identifier")) {
          options.put(member.text(), member);
        }
      }
    }
    Node body = cls.child("body");
    String serverField = null;
    Node handleConnection = null;
    Node afterInit = null;
    List<Handler> handlers = new ArrayList<>();
    for (Node member : body == null ? List.<Node>of() : body.namedChildren()) {
      if (member.isAny("public_field_definition", "field_definition")) {
        if (decorators.find(NestDecorators.ofMember(member), NestDecorators.WEBSOCKETS, "WebSocketServer") != null) {
          Node key = member.child("property") != null ? member.child("property") : member.child("name");
          serverField = FileContext.propertyName(key);
        }
        continue;
      }
      if (!member.is("method_definition")) {
        continue;
      }
      String name = FileContext.propertyName(member.child("name"));
      if ("handleConnection".equals(name)) {
        handleConnection = member;
      } else if ("handleDisconnect".equals(name)) {
        // its client is a connection too (sends on it, its id)
        Node client = Syntax.parameter(member, 0);
        if (client != null && client.is("identifier")) {
          cx.role(client, Role.CONNECTION);
        }
      } else if ("afterInit".equals(name)) {
        afterInit = member;
      }
      Node subscribe = decorators.find(NestDecorators.ofMember(member), NestDecorators.WEBSOCKETS, "SubscribeMessage");
      if (subscribe != null) {
        Node event = Syntax.argument(NestDecorators.call(subscribe), 0);
        String type = Syntax.stringValue(event);
        handlers.add(new Handler(type != null ? type : event == null ? null : Syntax.compact(event), subscribe,
            member));
      }
    }
    Gateway g = new Gateway(cx, decorator, cls, optionsArgument, options, serverField, handleConnection, afterInit,
        handlers);
    // the adapter is read from the class once its server member is known
    g.adapter = adapterOf(cx, g);
    return g;
  }

  /**
   * The adapter the file's own code implies: socket.io's or ws's types imported, or ws's {@code server.clients} read.
   * A gateway names its client and server types after the adapter it is written for.
   */
  private static Adapter adapterOf(FileContext cx, Gateway g) {
    Set<String> modules = new HashSet<>();
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("import_statement")) {
        String source = Syntax.stringValue(n.child("source"));
        if (source != null) {
          modules.add(source);
        }
      } else if (n.is("call_expression")) {
        String required = ApiResolver.requiredModule(n);
        if (required != null) {
          modules.add(required);
        }
      }
    }
    if (modules.contains("socket.io")) {
      return Adapter.SOCKET_IO;
    }
    if (modules.contains("ws") || modules.contains("@nestjs/platform-ws")) {
      return Adapter.WS;
    }
    if (g.body != null) {
      for (Node n : g.body.descendants()) {
        if (n.is("member_expression") && "clients".equals(Syntax.lastName(n))
            && g.isServer(Syntax.unwrap(n.child("object")))) {
          return Adapter.WS;
        }
      }
    }
    return Adapter.DEFAULT;
  }

  Node decorator() {
    return decorator;
  }

  Node declaration() {
    return cls;
  }

  Node body() {
    return body;
  }

  /** The options argument as written; null when the decorator has none. */
  Node optionsArgument() {
    return optionsArgument;
  }

  /** The options object's properties by name; empty when there is none or it is not a literal of this file. */
  Map<String, Node> options() {
    return options;
  }

  String className() {
    Node name = cls.child("name");
    return name == null ? "anonymous gateway" : name.text();
  }

  Node handleConnection() {
    return handleConnection;
  }

  Node afterInit() {
    return afterInit;
  }

  List<Handler> handlers() {
    return handlers;
  }

  Adapter adapter() {
    return adapter;
  }

  boolean isMessageHandler(Node fn) {
    return handlers.stream().anyMatch(h -> h.method() == fn);
  }

  /** {@code this.server} (the {@code @WebSocketServer()} member) or afterInit's server parameter. */
  boolean isServer(Node e) {
    if (e == null) {
      return false;
    }
    if (e.is("member_expression")) {
      Node object = Syntax.unwrap(e.child("object"));
      return serverField != null && object != null && object.is("this") && serverField.equals(Syntax.lastName(e))
          && e.within(cls);
    }
    if (e.is("identifier") && afterInit != null) {
      Node server = Syntax.parameter(afterInit, 0);
      return server != null && cx.scopes().declarationOf(e) == server;
    }
    return false;
  }
}
