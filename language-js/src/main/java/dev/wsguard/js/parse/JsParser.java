package dev.wsguard.js.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * One thread's tree-sitter parsers, one per grammar, made on first use. The bytes are handed to tree-sitter through
 * a reader as UTF-8, which keeps byte offsets true to the file (the string entry points re-encode the text). The
 * native tree is copied into {@link Node}s with a cursor, without recursion, and closed at once.
 */
public final class JsParser implements AutoCloseable {
  private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  private final Map<JsGrammar, TSParser> parsers = new EnumMap<>(JsGrammar.class);
  /** Per grammar, node type and field names by id, so each name is fetched over JNI once. */
  private final Map<JsGrammar, Symbols> symbols = new EnumMap<>(JsGrammar.class);
  private final byte[] buffer = new byte[64 * 1024];

  public SyntaxTree parse(String path, byte[] content, JsGrammar grammar) {
    TSParser parser = parsers.computeIfAbsent(grammar, g -> {
      TSParser p = new TSParser();
      p.setLanguage(g.tsLanguage());
      return p;
    });
    int skip = startsWithBom(content) ? BOM.length : 0;
    TSTree nativeTree = parser.parse(buffer, null, (buf, offset, point) -> {
      int from = offset + skip;
      if (from >= content.length) {
        return 0;
      }
      int count = Math.min(buf.length, content.length - from);
      System.arraycopy(content, from, buf, 0, count);
      return count;
    }, TSInputEncoding.TSInputEncodingUTF8);
    try {
      SyntaxTree tree = new SyntaxTree(new SourceText(path, content), grammar);
      tree.root(copy(tree, nativeTree.getRootNode(), skip, grammar));
      return tree;
    } finally {
      nativeTree.close();
    }
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
  }

  /**
   * Copies the native tree. Every native call costs about a microsecond, so each node costs as few as possible: the
   * type comes from the symbol (names cached), the field from its id, and only leaves are asked for their byte
   * range; an inner node spans its children, dropped comments included.
   */
  private Node copy(SyntaxTree tree, TSNode nativeRoot, int shift, JsGrammar grammar) {
    Symbols names = symbols.computeIfAbsent(grammar, g -> new Symbols());
    try (TSTreeCursor cursor = new TSTreeCursor(nativeRoot)) {
      // The stack mirrors the cursor's ancestors, innermost last; a null entry is a dropped comment.
      List<Node> stack = new ArrayList<>();
      List<int[]> extents = new ArrayList<>();
      TSNode current = cursor.currentNode();
      Node root = convert(tree, current, cursor, names, grammar);
      stack.add(root);
      extents.add(new int[] {Integer.MAX_VALUE, 0});
      while (true) {
        Node node = stack.get(stack.size() - 1);
        if (node != null && cursor.gotoFirstChild()) {
          current = cursor.currentNode();
          Node child = convert(tree, current, cursor, names, grammar);
          if (child != null) {
            node.add(child);
          }
          stack.add(child);
          extents.add(new int[] {Integer.MAX_VALUE, 0});
          continue;
        }
        // a leaf, or a comment: ask for its range
        int[] own = extents.get(extents.size() - 1);
        if (own[0] == Integer.MAX_VALUE) {
          own[0] = current.getStartByte() + shift;
          own[1] = current.getEndByte() + shift;
          if (node != null && own[0] == own[1] && current.isMissing()) {
            node.markMissing();
          }
        }
        while (true) {
          Node done = stack.remove(stack.size() - 1);
          int[] extent = extents.remove(extents.size() - 1);
          if (done != null) {
            done.range(extent[0], extent[1]);
          }
          if (stack.isEmpty()) {
            return root;
          }
          int[] parent = extents.get(extents.size() - 1);
          parent[0] = Math.min(parent[0], extent[0]);
          parent[1] = Math.max(parent[1], extent[1]);
          if (cursor.gotoNextSibling()) {
            current = cursor.currentNode();
            Node sibling = convert(tree, current, cursor, names, grammar);
            if (sibling != null) {
              stack.get(stack.size() - 1).add(sibling);
            }
            stack.add(sibling);
            extents.add(new int[] {Integer.MAX_VALUE, 0});
            break;
          }
          if (!cursor.gotoParent()) {
            return root;
          }
          current = null;
        }
      }
    }
  }

  /** The cursor's current node as a {@link Node}; null for comments, which no analysis reads. */
  private static Node convert(SyntaxTree tree, TSNode n, TSTreeCursor cursor, Symbols symbols, JsGrammar grammar) {
    int symbol = n.getSymbol();
    String type = symbols.type(symbol, n);
    if (type.equals("comment") || type.equals("html_comment")) {
      return null;
    }
    int fieldId = cursor.currentFieldId();
    String field = fieldId == 0 ? null : symbols.field(fieldId, grammar);
    return new Node(tree, type, field, symbols.named(symbol), type.equals("ERROR"), false, 0, 0);
  }

  /** Names of a grammar's symbols and fields, fetched over JNI once each. */
  private static final class Symbols {
    private final Map<Integer, String> types = new HashMap<>();
    private final Map<Integer, Boolean> named = new HashMap<>();
    private final Map<Integer, String> fields = new HashMap<>();

    String type(int symbol, TSNode node) {
      String t = types.get(symbol);
      if (t == null) {
        t = node.getType();
        types.put(symbol, t);
        named.put(symbol, node.isNamed());
      }
      return t;
    }

    boolean named(int symbol) {
      return named.get(symbol);
    }

    String field(int id, JsGrammar grammar) {
      return fields.computeIfAbsent(id, k -> grammar.tsLanguage().fieldNameForId(k));
    }
  }

  @Override
  public void close() {
    parsers.values().forEach(TSParser::close);
    parsers.clear();
  }
}
