package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.JsGrammar;
import dev.wsguard.js.parse.JsParser;
import dev.wsguard.js.parse.Node;
import java.nio.charset.StandardCharsets;

/** One inline source parsed into a {@link FileContext}, with lookups by text for tests. */
final class Parsed {
  final FileContext cx;

  private Parsed(FileContext cx) {
    this.cx = cx;
  }

  static Parsed of(String path, String text) {
    try (JsParser parser = new JsParser()) {
      return new Parsed(new FileContext(parser.parse(path, text.getBytes(StandardCharsets.UTF_8),
          JsGrammar.forPath(path))));
    }
  }

  /** The first node of a type whose text is exactly {@code text}. */
  Node node(String type, String text) {
    for (Node n : cx.tree().root().descendants()) {
      if (n.is(type) && n.text().equals(text)) {
        return n;
      }
    }
    throw new AssertionError("no " + type + " '" + text + "'");
  }

  /** The last node of a type whose text is exactly {@code text}. */
  Node last(String type, String text) {
    Node found = null;
    for (Node n : cx.tree().root().descendants()) {
      if (n.is(type) && n.text().equals(text)) {
        found = n;
      }
    }
    if (found == null) {
      throw new AssertionError("no " + type + " '" + text + "'");
    }
    return found;
  }
}
