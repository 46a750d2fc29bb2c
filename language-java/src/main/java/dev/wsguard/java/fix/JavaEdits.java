package dev.wsguard.java.fix;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.wsguard.core.fix.Templates;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.unit.JavaUnit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The shared higher-level edits for Java patches (STYLE.md C): find the node a finding points at, add imports in
 * order, add a member to a type, add an annotation, and write code in the file's indentation. Offsets are byte
 * offsets into the file as stored; templates are written with two-space indentation and {@code \n} line ends, and
 * {@link #code} converts them.
 */
public final class JavaEdits {
  private final JavaUnit unit;
  private final byte[] content;
  private final String indentUnit;
  private final Set<String> names;

  public JavaEdits(JavaUnit unit, byte[] content) {
    this.unit = unit;
    this.content = content;
    this.indentUnit = Templates.indentUnit(new String(content, StandardCharsets.UTF_8));
    this.names = mentionedNames(unit.tree());
  }

  public JavaUnit unit() {
    return unit;
  }

  public CompilationUnit tree() {
    return unit.tree();
  }

  public String indentUnit() {
    return indentUnit;
  }

  /** True when the file already mentions {@code name} (a type, a variable, a method), so an insertion may not. */
  public boolean mentions(String name) {
    return names.contains(name);
  }

  /** The innermost node of {@code type} that starts where the location starts; null when none does. */
  public <T extends Node> T nodeAt(SourceLocation location, Class<T> type) {
    T best = null;
    for (T n : unit.tree().findAll(type)) {
      if (start(n) == location.startByte() && (best == null || end(n) - start(n) < end(best) - start(best))) {
        best = n;
      }
    }
    return best;
  }

  /** The innermost type declaration whose span holds the location's start; null when none does. */
  public TypeDeclaration<?> typeAt(SourceLocation location) {
    TypeDeclaration<?> best = null;
    for (TypeDeclaration<?> t : unit.tree().findAll(TypeDeclaration.class)) {
      if (start(t) <= location.startByte() && location.startByte() < end(t)
          && (best == null || start(t) >= start(best))) {
        best = t;
      }
    }
    return best;
  }

  /** The byte offset where the node starts (annotations and modifiers included). */
  public int start(Node node) {
    return unit.location(node).startByte();
  }

  /** The byte offset just after the node's last character. */
  public int end(Node node) {
    return unit.location(node).endByte();
  }

  public String text(int start, int end) {
    return new String(content, start, end - start, StandardCharsets.UTF_8);
  }

  /** The leading whitespace of the line holding {@code offset}. */
  public String indentAt(int offset) {
    int at = lineStart(offset);
    int i = at;
    while (i < content.length && (content[i] == ' ' || content[i] == '\t')) {
      i++;
    }
    return text(at, i);
  }

  public int lineStart(int offset) {
    int at = offset;
    while (at > 0 && content[at - 1] != '\n' && content[at - 1] != '\r') {
      at--;
    }
    return at;
  }

  /** The offset of the line break ending the line that holds {@code offset} (the file's end on the last line). */
  public int lineEnd(int offset) {
    int at = offset;
    while (at < content.length && content[at] != '\n' && content[at] != '\r') {
      at++;
    }
    return at;
  }

  /** The offset just after the line break ending the line that holds {@code offset}. */
  public int nextLineStart(int offset) {
    int at = lineEnd(offset);
    if (at < content.length && content[at] == '\r') {
      at++;
    }
    if (at < content.length && content[at] == '\n') {
      at++;
    }
    return at;
  }

  /**
   * A canonical template in the file's style: each two leading spaces become one indentation step of the file, and
   * every line gets {@code indent} in front (blank lines stay empty).
   */
  public String code(String template, String indent) {
    return Templates.render(template, indent, indentUnit, UnaryOperator.identity());
  }


  public TextEdit insert(int offset, String text) {
    return new TextEdit(location(offset, offset), text);
  }

  public TextEdit replace(Node node, String text) {
    return new TextEdit(location(start(node), end(node)), text);
  }

  public TextEdit replace(int start, int end, String text) {
    return new TextEdit(location(start, end), text);
  }

  /**
   * A member (field, method, nested class: a template as {@link #code} takes it) added as the last member of the
   * type, one indentation step inside it, after a blank line. Empty when the type's closing brace is not on a line
   * of its own.
   */
  public Optional<TextEdit> addMember(TypeDeclaration<?> type, String template) {
    int close = end(type) - 1;
    if (close < 0 || content[close] != '}' || !text(lineStart(close), close).isBlank()) {
      return Optional.empty();
    }
    String indent = indentAt(start(type)) + indentUnit;
    return Optional.of(insert(lineStart(close), "\n" + code(template, indent) + "\n"));
  }

  /** An annotation on a line of its own above the declaration (and above its other annotations). */
  public TextEdit annotate(Node declaration, String annotation) {
    int at = start(declaration);
    return insert(lineStart(at), indentAt(at) + annotation + "\n");
  }

  /**
   * The imports among {@code qualifiedNames} that the file lacks, as edits: each goes among the existing imports in
   * sorted position (after the package declaration when there are none). Names of {@code java.lang}, of the file's
   * own package, and names already imported (singly or by a wildcard) are skipped. Empty when the file imports
   * another type of the same simple name: the patch would not compile.
   */
  public Optional<List<TextEdit>> addImports(Collection<String> qualifiedNames) {
    Set<String> imported = new HashSet<>();
    Set<String> wildcards = new HashSet<>();
    Set<String> simpleNames = new HashSet<>();
    for (ImportDeclaration i : unit.tree().getImports()) {
      if (i.isStatic()) {
        continue;
      }
      if (i.isAsterisk()) {
        wildcards.add(i.getNameAsString());
      } else {
        imported.add(i.getNameAsString());
        simpleNames.add(i.getName().getIdentifier());
      }
    }
    String pkg = unit.tree().getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    TreeSet<String> wanted = new TreeSet<>();
    for (String q : qualifiedNames) {
      int dot = q.lastIndexOf('.');
      String owner = dot < 0 ? "" : q.substring(0, dot);
      if (imported.contains(q) || wildcards.contains(owner) || owner.equals("java.lang") || owner.equals(pkg)) {
        continue;
      }
      if (simpleNames.contains(q.substring(dot + 1))) {
        return Optional.empty();
      }
      wanted.add(q);
    }
    List<TextEdit> out = new ArrayList<>();
    List<ImportDeclaration> existing = unit.tree().getImports().stream().filter(i -> !i.isStatic()).toList();
    // group the new imports by the existing import they go before, so no two edits insert at the same point
    java.util.Map<Integer, StringBuilder> at = new java.util.TreeMap<>();
    for (String q : wanted) {
      int offset = -1;
      for (ImportDeclaration i : existing) {
        if (i.getNameAsString().compareTo(q) > 0) {
          offset = lineStart(start(i));
          break;
        }
      }
      if (offset < 0) {
        offset = existing.isEmpty() ? afterPackage() : nextLineStart(end(existing.get(existing.size() - 1)));
      }
      StringBuilder lines = at.computeIfAbsent(offset, k -> new StringBuilder());
      if (existing.isEmpty() && lines.length() == 0 && offset > 0) {
        lines.append('\n');
      }
      lines.append("import ").append(q).append(";\n");
    }
    at.forEach((offset, lines) -> out.add(insert(offset, lines.toString())));
    return Optional.of(out);
  }

  /** The start of the line after the package declaration; the file's start when there is none. */
  private int afterPackage() {
    return unit.tree().getPackageDeclaration().map(p -> nextLineStart(end(p))).orElse(0);
  }

  private SourceLocation location(int start, int end) {
    int[] a = lineAndColumn(start);
    int[] b = lineAndColumn(end);
    return new SourceLocation(unit.path(), a[0], a[1], b[0], b[1], start, end);
  }

  private int[] lineAndColumn(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < content.length; i++) {
      if (content[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, text(lineStart, Math.min(offset, content.length)).length() + 1};
  }

  private static Set<String> mentionedNames(CompilationUnit tree) {
    Set<String> out = new HashSet<>();
    tree.findAll(SimpleName.class).forEach(n -> out.add(n.getIdentifier()));
    tree.findAll(Name.class).forEach(n -> out.add(n.getIdentifier()));
    tree.findAll(ClassOrInterfaceType.class).forEach(t -> out.add(t.getNameAsString()));
    return out;
  }
}
