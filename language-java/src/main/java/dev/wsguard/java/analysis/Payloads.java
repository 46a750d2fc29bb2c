package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.wsguard.core.model.Provenance;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a sent payload comes from: the incoming message relayed, a store's query result, credentials or user lists,
 * one user's data, or something public by design. Decided from the payload expression and the locals it is built
 * from (a few hops), by the words of the names involved ({@code payload-*.txt}, {@code store-receivers.txt}).
 */
public final class Payloads {
  private static final int MAX_DEPTH = 3;

  private Payloads() {}

  /**
   * The payload's provenance.
   *
   * @param incoming names that hold the incoming message in this handler (its parameter, the parsed message)
   */
  public static Provenance provenance(Expression payload, Set<String> incoming) {
    Set<String> words = new LinkedHashSet<>();
    boolean[] echo = {false};
    boolean[] store = {false};
    collect(payload, incoming, words, echo, store, 0);
    Set<String> sensitive = Apis.words("payload-sensitive");
    Set<String> perUser = Apis.words("per-user-words");
    Set<String> isPublic = Apis.words("payload-public");
    if (store[0] || words.stream().anyMatch(sensitive::contains)) {
      return Provenance.SENSITIVE;
    }
    if (words.stream().anyMatch(perUser::contains)) {
      return Provenance.PER_USER;
    }
    if (echo[0]) {
      return Provenance.ECHO;
    }
    if (words.isEmpty() || words.stream().anyMatch(isPublic::contains)) {
      return Provenance.PUBLIC;
    }
    return Provenance.UNKNOWN;
  }

  private static void collect(Node node, Set<String> incoming, Set<String> words, boolean[] echo,
      boolean[] store, int depth) {
    if (node instanceof NameExpr n && incoming.contains(n.getNameAsString())) {
      echo[0] = true;
      return;
    }
    for (NameExpr n : node.findAll(NameExpr.class)) {
      if (incoming.contains(n.getNameAsString())) {
        echo[0] = true;
        continue;
      }
      if (n.getParentNode().orElse(null) instanceof MethodCallExpr sized
          && sized.getScope().filter(sc -> sc == n).isPresent()
          && Set.of("size", "length", "count", "isEmpty").contains(sized.getNameAsString())) {
        continue; // how many, not who: a count of sessions is public
      }
      // a name is read for its value: follow the local it holds, else take its words
      if (depth < MAX_DEPTH && Code.declaration(n).filter(v -> !v.isField() && !v.isParameter()).isPresent()) {
        var init = Code.initializer(n);
        if (init.isPresent()) {
          collect(init.get(), incoming, words, echo, store, depth + 1);
          continue;
        }
      }
      if (!isLogOrBuilder(n.getNameAsString())) {
        words.addAll(Words.of(n.getNameAsString()));
      }
    }
    for (MethodCallExpr m : node.findAll(MethodCallExpr.class)) {
      String name = m.getNameAsString();
      if (isFormatting(name)) {
        continue;
      }
      words.addAll(Words.of(name).stream().filter(w -> !w.equals("get") && !w.equals("to")).toList());
      if (m.getScope().isPresent() && Code.unwrap(m.getScope().get()) instanceof NameExpr r) {
        List<String> rw = Words.of(r.getNameAsString());
        if (!rw.isEmpty() && Apis.words("store-receivers").contains(rw.get(rw.size() - 1))) {
          store[0] = true;
        }
      }
    }
    for (FieldAccessExpr f : node.findAll(FieldAccessExpr.class)) {
      words.addAll(Words.of(f.getNameAsString()));
    }
  }

  private static boolean isFormatting(String method) {
    return Set.of("toString", "valueOf", "format", "formatted", "writeValueAsString", "toJson", "stringify",
        "put", "append", "build", "of", "copyOf", "toList", "stream", "collect", "map", "trim").contains(method);
  }

  private static boolean isLogOrBuilder(String name) {
    return Set.of("mapper", "objectMapper", "gson", "json", "JSON", "String", "Map", "List").contains(name);
  }
}
