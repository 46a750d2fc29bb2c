package dev.wsguard.java.unit;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.wsguard.core.model.SourceLocation;

/**
 * One parsed Java file as the recognisers see it: its tree, its path, its type names and a way to turn nodes into
 * locations. Lives on the worker thread only; nothing of it reaches linking.
 */
public final class JavaUnit {
  private final String path;
  private final CompilationUnit tree;
  private final TypeNames types;
  private final LineIndex lines;

  public JavaUnit(String path, byte[] content, CompilationUnit tree) {
    this.path = path;
    this.tree = tree;
    this.types = new TypeNames(tree);
    this.lines = new LineIndex(path, content);
  }

  public String path() {
    return path;
  }

  public CompilationUnit tree() {
    return tree;
  }

  public TypeNames types() {
    return types;
  }

  /** The node's span; the file's first character when the node has no range. */
  public SourceLocation location(Node node) {
    return node.getRange()
        .map(r -> lines.span(r.begin.line, r.begin.column, r.end.line, r.end.column))
        .orElseGet(() -> lines.span(1, 1, 1, 0));
  }

  /** Only the node's first line, from its start to the end of that line's part of it: where findings point. */
  public SourceLocation head(Node node) {
    return node.getRange()
        .map(r -> r.begin.line == r.end.line
            ? lines.span(r.begin.line, r.begin.column, r.end.line, r.end.column)
            : lines.span(r.begin.line, r.begin.column, r.begin.line, r.begin.column))
        .orElseGet(() -> lines.span(1, 1, 1, 0));
  }
}
