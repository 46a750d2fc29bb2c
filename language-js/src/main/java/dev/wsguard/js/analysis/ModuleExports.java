package dev.wsguard.js.analysis;

import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module exports: ESM {@code export} forms, {@code module.exports = ...}, {@code module.exports.f = ...},
 * {@code exports.f = ...}, and re-exports ({@code export { a } from './x'}, {@code export * from './x'}).
 * Exported functions are summarised so other files can use them at link time.
 */
public final class ModuleExports {
  private final FileContext cx;
  private final Map<String, ExportFact> exports = new LinkedHashMap<>();
  private final List<String> starSpecifiers = new ArrayList<>();

  public ModuleExports(FileContext cx) {
    this.cx = cx;
    for (Node statement : cx.tree().root().namedChildren()) {
      if (statement.is("export_statement")) {
        esm(statement);
      } else if (statement.is("expression_statement")) {
        Node e = Syntax.unwrap(statement.namedChild(0));
        if (e != null && e.is("assignment_expression")) {
          commonJs(e);
        }
      }
    }
  }

  public Map<String, ExportFact> exports() {
    return exports;
  }

  /** Modules re-exported whole ({@code export * from './x'}, {@code module.exports = require('./x')}). */
  public List<String> starSpecifiers() {
    return starSpecifiers;
  }

  private void esm(Node statement) {
    Node source = statement.child("source");
    String specifier = Syntax.stringValue(source);
    Node declaration = statement.child("declaration");
    boolean isDefault = statement.children().stream().anyMatch(c -> c.type().equals("default"));
    if (declaration != null) {
      if (declaration.isAny("lexical_declaration", "variable_declaration")) {
        for (Node declarator : declaration.namedChildren()) {
          if (declarator.is("variable_declarator") && declarator.child("name").is("identifier")) {
            String name = declarator.child("name").text();
            export(name, declarator.child("value"), name);
          }
        }
      } else {
        Node name = declaration.child("name");
        String local = name == null ? null : name.text();
        export(isDefault ? "default" : local, declaration, local);
        if (!isDefault && local != null && declaration.isAny("class_declaration", "abstract_class_declaration")) {
          classMethods(local, declaration);
        }
      }
      return;
    }
    Node clause = statement.childOfType("export_clause");
    if (clause != null) {
      for (Node specifierNode : clause.namedChildren()) {
        Node name = specifierNode.child("name");
        Node alias = specifierNode.child("alias");
        if (name == null) {
          continue;
        }
        String exported = alias != null ? alias.text() : name.text();
        if (specifier != null) {
          exports.put(exported, ExportFact.reexport(specifier, name.text()));
        } else {
          export(exported, name, name.text());
        }
      }
      return;
    }
    if (specifier != null) {
      starSpecifiers.add(specifier);
      return;
    }
    if (isDefault) {
      Node value = statement.child("value");
      if (value == null) {
        List<Node> named = statement.namedChildren();
        value = named.isEmpty() ? null : named.get(named.size() - 1);
      }
      if (value != null) {
        export("default", value, value.is("identifier") ? value.text() : null);
      }
    }
  }

  private void commonJs(Node assignment) {
    List<String> left = Syntax.memberPath(assignment.child("left"));
    Node value = assignment.child("right");
    if (left == null || value == null) {
      return;
    }
    if (left.equals(List.of("module", "exports"))) {
      String required = ApiResolver.requiredModule(value);
      if (required != null) {
        starSpecifiers.add(required);
        return;
      }
      Node object = Syntax.unwrap(value);
      if (object != null && object.is("object")) {
        for (Node member : object.namedChildren()) {
          if (member.is("pair")) {
            String key = FileContext.propertyName(member.child("key"));
            Node v = member.child("value");
            export(key, v, Syntax.unwrap(v) != null && Syntax.unwrap(v).is("identifier") ? Syntax.unwrap(v).text()
                : null);
          } else if (member.is("shorthand_property_identifier")) {
            export(member.text(), member, member.text());
          } else if (member.is("method_definition")) {
            export(FileContext.propertyName(member.child("name")), member, null);
          }
        }
        return;
      }
      export("default", value, object != null && object.is("identifier") ? object.text() : null);
      return;
    }
    boolean named = left.size() == 3 && left.get(0).equals("module") && left.get(1).equals("exports")
        || left.size() == 2 && left.get(0).equals("exports");
    if (named) {
      String name = left.get(left.size() - 1);
      Node v = Syntax.unwrap(value);
      export(name, value, v != null && v.is("identifier") ? v.text() : null);
    }
  }

  /**
   * The methods of an exported class, as "Class.method": what another module calls on an instance it is handed
   * ({@code this.authService.verifyToken(t)} with an injected {@code AuthService}). The dot keeps them apart from
   * real export names.
   */
  private void classMethods(String className, Node declaration) {
    Node body = declaration.child("body");
    if (body == null) {
      return;
    }
    for (Node member : body.namedChildren()) {
      String method = member.is("method_definition") ? FileContext.propertyName(member.child("name")) : null;
      if (method != null && !method.equals("constructor")) {
        export(className + "." + method, member, null);
      }
    }
  }

  private void export(String name, Node value, String binding) {
    if (name == null) {
      return;
    }
    Node fn = value == null ? null : cx.localFunction(value);
    String key = null;
    if (fn != null) {
      cx.summaries().summarize(fn);
      key = cx.summaries().keyOf(fn);
    }
    exports.put(name, ExportFact.local(key, binding));
  }
}
