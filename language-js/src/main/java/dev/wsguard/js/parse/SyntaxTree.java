package dev.wsguard.js.parse;

/** A parsed file: its text and the copied syntax tree. */
public final class SyntaxTree {
  private final SourceText source;
  private final JsGrammar grammar;
  private Node root;

  SyntaxTree(SourceText source, JsGrammar grammar) {
    this.source = source;
    this.grammar = grammar;
  }

  void root(Node node) {
    this.root = node;
  }

  public SourceText source() {
    return source;
  }

  public String path() {
    return source.path();
  }

  public JsGrammar grammar() {
    return grammar;
  }

  public Node root() {
    return root;
  }

  /** The first ERROR or MISSING node in source order; null when the file parsed cleanly. */
  public Node firstProblem() {
    Node first = null;
    for (Node n : root.descendants()) {
      if ((n.isError() || n.isMissing()) && (first == null || n.startByte() < first.startByte())) {
        first = n;
      }
    }
    return first;
  }
}
