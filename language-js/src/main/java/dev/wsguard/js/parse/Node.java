package dev.wsguard.js.parse;

import dev.wsguard.core.model.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A syntax node copied out of tree-sitter. Analyses read these instead of native nodes: every native access is a
 * JNI call, and a copied tree outlives the native one, which is closed straight after parsing. Comments are left
 * out.
 */
public final class Node {
  private static final int NAMED = 1;
  private static final int ERROR = 2;
  private static final int MISSING = 4;

  private final SyntaxTree tree;
  private final String type;
  private final String field;
  private int flags;
  private int startByte;
  private int endByte;
  private Node parent;
  private List<Node> children = List.of();
  /** The text, sliced on first use: analyses ask for identifiers' names again and again. */
  private String text;

  Node(SyntaxTree tree, String type, String field, boolean named, boolean error, boolean missing, int startByte,
      int endByte) {
    this.tree = tree;
    this.type = type;
    this.field = field;
    this.flags = (named ? NAMED : 0) | (error ? ERROR : 0) | (missing ? MISSING : 0);
    this.startByte = startByte;
    this.endByte = endByte;
  }

  void markMissing() {
    flags |= MISSING;
  }

  /** Sets the range of an inner node once its children are known (it spans them). */
  void range(int start, int end) {
    this.startByte = start;
    this.endByte = end;
  }

  void add(Node child) {
    if (children.isEmpty()) {
      children = new ArrayList<>(4);
    }
    child.parent = this;
    children.add(child);
  }

  public SyntaxTree tree() {
    return tree;
  }

  /** The grammar's node type ("call_expression"); for anonymous nodes, their text ("(", "===", "new"). */
  public String type() {
    return type;
  }

  public boolean is(String t) {
    return type.equals(t);
  }

  public boolean isAny(String... types) {
    for (String t : types) {
      if (type.equals(t)) {
        return true;
      }
    }
    return false;
  }

  /** The field this node fills in its parent ("function", "arguments"); null when none. */
  public String field() {
    return field;
  }

  public boolean isNamed() {
    return (flags & NAMED) != 0;
  }

  public boolean isError() {
    return (flags & ERROR) != 0;
  }

  public boolean isMissing() {
    return (flags & MISSING) != 0;
  }

  public int startByte() {
    return startByte;
  }

  public int endByte() {
    return endByte;
  }

  public Node parent() {
    return parent;
  }

  public List<Node> children() {
    return Collections.unmodifiableList(children);
  }

  public List<Node> namedChildren() {
    List<Node> named = new ArrayList<>(children.size());
    for (Node c : children) {
      if (c.isNamed()) {
        named.add(c);
      }
    }
    return named;
  }

  public Node namedChild(int index) {
    int seen = 0;
    for (Node c : children) {
      if (c.isNamed() && seen++ == index) {
        return c;
      }
    }
    return null;
  }

  /** The first child filling {@code name}; null when none. */
  public Node child(String name) {
    for (Node c : children) {
      if (name.equals(c.field)) {
        return c;
      }
    }
    return null;
  }

  /** Every child filling {@code name} (a switch case's body statements). */
  public List<Node> childrenOf(String name) {
    List<Node> found = new ArrayList<>(2);
    for (Node c : children) {
      if (name.equals(c.field)) {
        found.add(c);
      }
    }
    return found;
  }

  /** The first child of a type; null when none. */
  public Node childOfType(String t) {
    for (Node c : children) {
      if (c.type.equals(t)) {
        return c;
      }
    }
    return null;
  }

  public Node nextNamedSibling() {
    if (parent == null) {
      return null;
    }
    List<Node> siblings = parent.children;
    for (int i = siblings.indexOf(this) + 1; i < siblings.size(); i++) {
      if (siblings.get(i).isNamed()) {
        return siblings.get(i);
      }
    }
    return null;
  }

  public boolean contains(Node other) {
    return other != null && startByte <= other.startByte && other.endByte <= endByte;
  }

  /** True when this node is {@code ancestor} or lies under it. */
  public boolean within(Node ancestor) {
    for (Node n = this; n != null; n = n.parent) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The nearest ancestor (not this node) of one of the types; null when none. */
  public Node ancestor(String... types) {
    for (Node n = parent; n != null; n = n.parent) {
      if (n.isAny(types)) {
        return n;
      }
    }
    return null;
  }

  public String text() {
    String t = text;
    if (t == null) {
      t = tree.source().text(startByte, endByte);
      text = t;
    }
    return t;
  }

  public SourceLocation location() {
    return tree.source().location(startByte, endByte);
  }

  public int line() {
    return tree.source().line(startByte);
  }

  /** This node and everything under it, in source order, walked without recursion. */
  public Iterable<Node> descendants() {
    return () -> new Iterator<>() {
      private final Deque<Node> stack = new ArrayDeque<>(List.of(Node.this));

      @Override
      public boolean hasNext() {
        return !stack.isEmpty();
      }

      @Override
      public Node next() {
        if (stack.isEmpty()) {
          throw new NoSuchElementException();
        }
        Budget.tick();
        Node n = stack.pop();
        for (int i = n.children.size() - 1; i >= 0; i--) {
          stack.push(n.children.get(i));
        }
        return n;
      }
    };
  }

  @Override
  public String toString() {
    return type + "@" + line();
  }
}
