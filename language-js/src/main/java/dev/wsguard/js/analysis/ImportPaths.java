package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.JsGrammar;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project modules a file imports and the files each specifier may name: the specifier joined to the importing
 * file's folder, as is, with each extension the front end reads, and as a folder's {@code index} file. TypeScript's
 * habit of importing {@code './x.js'} for {@code x.ts} is covered too. Paths are relative to the scan root; a
 * specifier that climbs above the root names nothing.
 */
public final class ImportPaths {
  private static final List<String> EXTENSIONS = List.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts",
      ".tsx");

  private ImportPaths() {}

  /** Every relative specifier the file imports, requires or re-exports, in source order. */
  public static List<String> specifiers(Node root) {
    Set<String> out = new LinkedHashSet<>();
    for (Node n : root.descendants()) {
      String specifier = null;
      if (n.isAny("import_statement", "export_statement")) {
        specifier = Syntax.stringValue(n.child("source"));
        Node requireClause = n.childOfType("import_require_clause");
        if (specifier == null && requireClause != null) {
          specifier = Syntax.stringValue(requireClause.child("source"));
        }
      } else if (n.is("call_expression")) {
        specifier = ApiResolver.requiredModule(n);
      }
      if (specifier != null && (specifier.startsWith("./") || specifier.startsWith("../"))) {
        out.add(specifier);
      }
    }
    return new ArrayList<>(out);
  }

  /** For each specifier, the candidate files in the order link time tries them. */
  public static Map<String, List<String>> candidates(String importer, List<String> specifiers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String specifier : specifiers) {
      List<String> paths = candidates(importer, specifier);
      if (!paths.isEmpty()) {
        out.put(specifier, paths);
      }
    }
    return out;
  }

  public static List<String> candidates(String importer, String specifier) {
    int slash = importer.lastIndexOf('/');
    String folder = slash < 0 ? "" : importer.substring(0, slash);
    String joined = normalise(folder.isEmpty() ? specifier : folder + "/" + specifier);
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(joined);
    String stem = stripJsExtension(joined);
    for (String extension : EXTENSIONS) {
      out.add(stem + extension);
    }
    for (String extension : EXTENSIONS) {
      out.add(joined + "/index" + extension);
    }
    // only files a grammar reads can be analysed ('./x' itself and './data.json' cannot)
    out.removeIf(p -> JsGrammar.forPath(p) == null);
    return new ArrayList<>(out);
  }

  /** './x.js' may stand for x.ts in TypeScript projects: the stem without a script extension. */
  private static String stripJsExtension(String path) {
    for (String extension : EXTENSIONS) {
      if (path.endsWith(extension)) {
        return path.substring(0, path.length() - extension.length());
      }
    }
    return path;
  }

  /** Resolves '.' and '..' segments; null when the path climbs above the root. */
  static String normalise(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
