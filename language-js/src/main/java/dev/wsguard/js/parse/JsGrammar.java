package dev.wsguard.js.parse;

import dev.wsguard.core.model.Language;
import java.util.Locale;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/** The three tree-sitter grammars the front end reads, and which file endings each one takes. */
public enum JsGrammar {
  JAVASCRIPT(Language.JAVASCRIPT, TreeSitterJavascript::new, ".js", ".mjs", ".cjs", ".jsx"),
  TYPESCRIPT(Language.TYPESCRIPT, TreeSitterTypescript::new, ".ts", ".mts", ".cts"),
  TSX(Language.TYPESCRIPT, TreeSitterTsx::new, ".tsx");

  private final Language language;
  private final Supplier<TSLanguage> factory;
  private final String[] extensions;
  private volatile TSLanguage loaded;

  JsGrammar(Language language, Supplier<TSLanguage> factory, String... extensions) {
    this.language = language;
    this.factory = factory;
    this.extensions = extensions;
  }

  public Language language() {
    return language;
  }

  public String[] extensions() {
    return extensions.clone();
  }

  /** The grammar for a path, by its ending; null when no grammar reads it. */
  public static JsGrammar forPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    for (JsGrammar grammar : values()) {
      for (String extension : grammar.extensions) {
        if (lower.endsWith(extension)) {
          return grammar;
        }
      }
    }
    return null;
  }

  /** The native grammar, loaded once and shared: a tree-sitter language is immutable, so threads may share it. */
  TSLanguage tsLanguage() {
    TSLanguage result = loaded;
    if (result == null) {
      synchronized (this) {
        result = loaded;
        if (result == null) {
          result = factory.get();
          loaded = result;
        }
      }
    }
    return result;
  }
}
