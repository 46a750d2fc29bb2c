package dev.wsguard.js.fix;

import dev.wsguard.core.fix.Templates;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.analysis.ApiResolver;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import dev.wsguard.js.parse.SourceText;
import dev.wsguard.js.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Framework-neutral edits over one parsed file, written in the file's own style: its quote character, whether its
 * statements end with semicolons, its indentation unit, and CommonJS or ES module imports. Framework fixers build
 * their patches from these and stay short.
 *
 * <p>Inserted code is written as templates in one canonical style (single quotes, semicolons, two-space
 * indentation, {@code \n} line ends) and converted by {@link #code}; templates never hold a quote inside a string.
 */
public final class JsEdits {
  private final SyntaxTree tree;
  private final SourceText source;
  private final char quote;
  private final boolean semicolons;
  private final String indentUnit;
  private final boolean esm;
  private final Set<String> names;

  public JsEdits(SyntaxTree tree) {
    this.tree = tree;
    this.source = tree.source();
    this.quote = dominantQuote(tree.root(), source.bytes());
    this.semicolons = usesSemicolons(tree.root(), source.bytes());
    this.indentUnit = Templates.indentUnit(source.text(0, source.length()));
    this.esm = isModule(tree.root());
    this.names = declaredNames(tree.root());
  }

  public SyntaxTree tree() {
    return tree;
  }

  public boolean typescript() {
    return tree.grammar().language() == dev.wsguard.core.model.Language.TYPESCRIPT;
  }

  public boolean esm() {
    return esm;
  }

  public String indentUnit() {
    return indentUnit;
  }

  /** True when some binding in the file already uses {@code name}, so an inserted declaration may not. */
  public boolean declares(String name) {
    return names.contains(name);
  }

  /** The first node of one of the types spanning exactly the location; null when none does. */
  public Node nodeAt(SourceLocation location, String... types) {
    for (Node n : tree.root().descendants()) {
      if (n.startByte() == location.startByte() && n.isAny(types)) {
        return n;
      }
      if (n.startByte() > location.startByte()) {
        break;
      }
    }
    return null;
  }

  /** The statement directly under the program that holds {@code n}; null when {@code n} is not inside one. */
  public Node topLevelStatement(Node n) {
    for (Node s = n; s != null; s = s.parent()) {
      if (s.parent() != null && s.parent().is("program")) {
        return s;
      }
    }
    return null;
  }

  /** The leading whitespace of the line holding {@code offset}. */
  public String indentAt(int offset) {
    int start = lineStart(offset);
    String line = source.text(start, Math.min(source.length(), start + 200));
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }

  /** The offset of the line break ending the line that holds {@code offset} (the file's end on the last line). */
  public int lineEnd(int offset) {
    int at = offset;
    byte[] bytes = source.bytes();
    while (at < bytes.length && bytes[at] != '\n' && bytes[at] != '\r') {
      at++;
    }
    return at;
  }

  public int lineStart(int offset) {
    int at = offset;
    byte[] bytes = source.bytes();
    while (at > 0 && bytes[at - 1] != '\n' && bytes[at - 1] != '\r') {
      at--;
    }
    return at;
  }

  /**
   * Where text inserted "above" a statement goes: the start of the comment lines directly above it, so that a
   * statement keeps the comments that describe it.
   */
  public int aboveWithComments(Node statement) {
    int at = lineStart(statement.startByte());
    while (at > 0) {
      int previous = lineStart(at - 1);
      String line = source.text(previous, at).strip();
      if (!line.startsWith("//")) {
        break;
      }
      at = previous;
    }
    return at;
  }

  /**
   * Inserts a block of lines at a line start, separated from the code above by a blank line (unless the block
   * opens the file or a blank line is already there) and from the code below by one.
   */
  public TextEdit insertBlockAbove(int lineStart, String block) {
    boolean separated = lineStart == 0 || source.text(lineStart(lineStart - 1), lineStart).isBlank();
    return insert(lineStart, (separated ? "" : "\n") + block + "\n\n");
  }

  /**
   * A canonical template in the file's style, each line indented by {@code indent} (blank lines stay empty).
   */
  public String code(String template, String indent) {
    return Templates.render(template, indent, indentUnit, this::styled);
  }

  /** One template line's text in the file's quotes and semicolons; comments are left as written. */
  private String styled(String body) {
    if (body.startsWith("//")) {
      return body;
    }
    String out = quote == '\'' ? body : body.replace('\'', quote);
    return !semicolons && out.endsWith(";") ? out.substring(0, out.length() - 1) : out;
  }


  /** A string literal in the file's quote style; {@code text} holds no quote or backslash of its own. */
  public String string(String text) {
    return quote + text + quote;
  }

  public TextEdit insert(int offset, String text) {
    return new TextEdit(source.location(offset, offset), text);
  }

  public TextEdit replace(Node node, String text) {
    return new TextEdit(node.location(), text);
  }

  public TextEdit replace(int start, int end, String text) {
    return new TextEdit(source.location(start, end), text);
  }

  /**
   * Removes one property (or element) of a comma-separated list with its separator: up to the next item when one
   * follows, else from the previous item's end.
   */
  public TextEdit removeListItem(Node item) {
    Node next = item.nextNamedSibling();
    if (next != null) {
      return replace(item.startByte(), next.startByte(), "");
    }
    Node previous = null;
    for (Node c : item.parent().namedChildren()) {
      if (c == item) {
        break;
      }
      previous = c;
    }
    Node ownComma = commaAfter(item);
    int end = ownComma == null ? item.endByte() : ownComma.endByte();
    if (previous == null) {
      return replace(item.startByte(), end, "");
    }
    Node previousComma = commaAfter(previous);
    return replace(previousComma == null ? previous.endByte() : previousComma.endByte(), end, "");
  }

  private static Node commaAfter(Node item) {
    for (Node c : item.parent().children()) {
      if (c.startByte() >= item.endByte()) {
        return c.is(",") ? c : null;
      }
    }
    return null;
  }

  /**
   * The local name the file binds a Node core module to ({@code http} for {@code const http = require('http')} or
   * {@code import * as http from 'node:http'}); null when the module is not imported as a whole.
   */
  public String moduleAlias(String module) {
    for (Node n : tree.root().namedChildren()) {
      if (n.is("import_statement")) {
        String from = Syntax.stringValue(n.child("source"));
        if (!isModule(from, module)) {
          continue;
        }
        Node clause = n.childOfType("import_clause");
        if (clause == null) {
          continue;
        }
        for (Node c : clause.namedChildren()) {
          if (c.is("identifier")) {
            return c.text();
          }
          if (c.is("namespace_import")) {
            Node id = c.namedChild(0);
            return id == null ? null : id.text();
          }
        }
      } else if (n.isAny("lexical_declaration", "variable_declaration")) {
        for (Node d : n.namedChildren()) {
          Node name = d.child("name");
          Node value = d.child("value");
          if (d.is("variable_declarator") && name != null && name.is("identifier") && value != null
              && isModule(ApiResolver.requiredModule(Syntax.unwrap(value)), module)) {
            return name.text();
          }
        }
      }
    }
    return null;
  }

  /** An import of a core module as {@code alias}, after the file's last top-level import or require. */
  public TextEdit addModuleImport(String alias, String module) {
    Node last = null;
    boolean nodePrefix = false;
    for (Node n : tree.root().namedChildren()) {
      if (n.is("import_statement") || requires(n)) {
        last = n;
        String text = n.text();
        nodePrefix |= text.contains("'node:") || text.contains("\"node:");
      }
    }
    String specifier = (nodePrefix ? "node:" : "") + module;
    String line = esm
        ? "import " + (typescript() ? "* as " : "") + alias + " from '" + specifier + "';"
        : "const " + alias + " = require('" + specifier + "');";
    if (last == null) {
      int at = firstCodeLine();
      return insert(at, code(line, "") + "\n");
    }
    return insert(last.endByte(), "\n" + code(line, ""));
  }

  /**
   * An import of one binding of a project module ({@code specifier} as written, e.g. {@code ./auth}), after the
   * file's last top-level import or require: {@code import { name } from} / {@code const { name } = require(...)},
   * or the module's default export bound to {@code name} when {@code defaultExport}.
   */
  public TextEdit addBindingImport(String name, String specifier, boolean defaultExport) {
    Node last = null;
    for (Node n : tree.root().namedChildren()) {
      if (n.is("import_statement") || requires(n)) {
        last = n;
      }
    }
    String binding = defaultExport ? name : "{ " + name + " }";
    String line = esm
        ? "import " + binding + " from '" + specifier + "';"
        : "const " + binding + " = require('" + specifier + "');";
    if (last == null) {
      return insert(firstCodeLine(), code(line, "") + "\n");
    }
    return insert(last.endByte(), "\n" + code(line, ""));
  }

  private boolean requires(Node statement) {
    if (!statement.isAny("lexical_declaration", "variable_declaration")) {
      return false;
    }
    for (Node d : statement.namedChildren()) {
      Node value = d.child("value");
      if (value != null && ApiResolver.requiredModule(Syntax.unwrap(value)) != null) {
        return true;
      }
    }
    return false;
  }

  /** After a leading shebang, {@code 'use strict'} directive and header comments. */
  private int firstCodeLine() {
    Node first = tree.root().namedChild(0);
    if (first == null) {
      return 0;
    }
    if (first.is("hash_bang_line") || first.is("expression_statement") && first.namedChild(0) != null
        && first.namedChild(0).is("string")) {
      int end = first.endByte();
      byte[] bytes = source.bytes();
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      return Math.min(bytes.length, end + 1);
    }
    return aboveWithComments(first);
  }

  private static boolean isModule(String specifier, String module) {
    return specifier != null && (specifier.equals(module) || specifier.equals("node:" + module));
  }

  // both read single bytes: slicing the text of every statement would be quadratic on a minified bundle
  private static char dominantQuote(Node root, byte[] bytes) {
    int single = 0;
    int dbl = 0;
    for (Node n : root.descendants()) {
      if (n.is("string") && n.endByte() > n.startByte()) {
        if (bytes[n.startByte()] == '\'') {
          single++;
        } else if (bytes[n.startByte()] == '"') {
          dbl++;
        }
      }
    }
    return dbl > single ? '"' : '\'';
  }

  /** Whether the file ends its simple statements with semicolons (most of them decide). */
  private static boolean usesSemicolons(Node root, byte[] bytes) {
    int with = 0;
    int without = 0;
    for (Node n : root.descendants()) {
      if (n.isAny("expression_statement", "lexical_declaration", "variable_declaration", "return_statement")
          && n.endByte() > n.startByte()) {
        if (bytes[n.endByte() - 1] == ';') {
          with++;
        } else {
          without++;
        }
      }
    }
    return with >= without;
  }

  private static boolean isModule(Node root) {
    for (Node n : root.namedChildren()) {
      if (n.isAny("import_statement", "export_statement")) {
        return true;
      }
    }
    return false;
  }

  /** Every identifier the file mentions outside a property access: names an insertion must not reuse. */
  private static Set<String> declaredNames(Node root) {
    Set<String> out = new HashSet<>();
    for (Node n : root.descendants()) {
      if (n.isAny("identifier", "shorthand_property_identifier_pattern", "type_identifier")) {
        Node parent = n.parent();
        if (parent != null && !parent.is("member_expression")) {
          out.add(n.text());
        }
      }
    }
    return out;
  }

  /** The statements of a top-level list that satisfy nothing special; exposed for fixers that scan the program. */
  public List<Node> topLevel() {
    return tree.root().namedChildren();
  }

  /**
   * A property appended to an object literal, on its own line (keeping a trailing comma if the object has one) when
   * the object spans lines; a property of several lines is indented like the others. An empty object becomes
   * {@code { property }}.
   */
  public TextEdit addProperty(Node object, String property) {
    List<Node> props = object.namedChildren().stream().filter(p -> !p.is("comment")).toList();
    if (props.isEmpty()) {
      return replace(object, "{ " + property + " }");
    }
    Node last = props.get(props.size() - 1);
    Node trailingComma = null;
    for (Node ch : object.children()) {
      if (ch.is(",") && ch.startByte() >= last.endByte()) {
        trailingComma = ch;
      }
    }
    if (object.line() == last.line()) {
      return insert(last.endByte(), ", " + property);
    }
    String indent = indentAt(last.startByte());
    String lines = property.replace("\n", "\n" + indent);
    if (trailingComma != null) {
      return insert(trailingComma.endByte(), "\n" + indent + lines + ",");
    }
    return insert(last.endByte(), ",\n" + indent + lines);
  }


  /** A function declared at the top level under {@code name} (exported or not); null when there is none. */
  public Node topLevelFunction(String name) {
    for (Node n : tree.root().namedChildren()) {
      Node d = n.is("export_statement") ? n.child("declaration") : n;
      if (d != null && d.is("function_declaration") && d.child("name") != null
          && d.child("name").text().equals(name)) {
        return d;
      }
    }
    return null;
  }

  /**
   * Inserts a block of lines below the line that ends {@code statement}, after a blank line, and followed by one
   * unless a blank line or the file's end is already there.
   */
  public TextEdit insertBlockBelow(Node statement, String block) {
    int at = lineEnd(statement.endByte());
    byte[] bytes = source.bytes();
    int next = at < bytes.length && bytes[at] == '\r' ? at + 1 : at;
    next = next < bytes.length && bytes[next] == '\n' ? next + 1 : next;
    boolean blankFollows = next >= bytes.length || source.text(next, lineEnd(next)).isBlank();
    return insert(at, "\n\n" + block + (blankFollows ? "" : "\n"));
  }
  /**
   * A canonical template of a function declaration's opening: parameter and return types only in TypeScript, where a
   * header longer than one line allows puts each parameter on a line of its own.
   */
  public String functionHeader(boolean async, String name, List<String> params, List<String> types,
      String returnType) {
    String start = (async ? "async " : "") + "function " + name + "(";
    if (!typescript()) {
      return start + String.join(", ", params) + ") {";
    }
    List<String> typed = new java.util.ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      typed.add(params.get(i) + ": " + types.get(i));
    }
    String end = "): " + returnType + " {";
    String oneLine = start + String.join(", ", typed) + end;
    if (oneLine.length() <= COMMENT_WIDTH) {
      return oneLine;
    }
    return start + "\n  " + String.join(",\n  ", typed) + ",\n" + end;
  }

  private static final int COMMENT_WIDTH = 110;

  /** A line comment of {@code text} wrapped at words, in canonical template form. */
  public static String comment(String text) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder("//");
    for (String word : text.split(" ")) {
      if (line.length() > 2 && line.length() + 1 + word.length() > COMMENT_WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder("//");
      }
      line.append(' ').append(word);
    }
    return out.append(line).toString();
  }

  /**
   * The edits with inserts at the same offset joined into one, in list order: a patch adding two imports after the
   * same last import (a module and the project's verifier, say) is one insertion, which an edit set accepts.
   */
  public static List<TextEdit> joinInserts(List<TextEdit> edits) {
    List<TextEdit> out = new ArrayList<>();
    for (TextEdit e : edits) {
      int same = -1;
      for (int i = 0; i < out.size(); i++) {
        TextEdit o = out.get(i);
        if (o.range().startByte() == o.range().endByte() && e.range().startByte() == e.range().endByte()
            && o.range().startByte() == e.range().startByte() && o.range().path().equals(e.range().path())) {
          same = i;
        }
      }
      if (same < 0) {
        out.add(e);
      } else {
        out.set(same, new TextEdit(out.get(same).range(), out.get(same).replacement() + e.replacement()));
      }
    }
    return out;
  }
}
