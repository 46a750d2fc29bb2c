package dev.wsguard.js.fix;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.analysis.ApiResolver;
import dev.wsguard.js.analysis.ImportPaths;
import dev.wsguard.js.analysis.Syntax;
import dev.wsguard.js.parse.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the project's own credential check for a patch to call (DESIGN.md "Suggested patches": where the project
 * has its own verifier, the patch calls it), and the import that brings it into the patched file. Where none fits,
 * the fixer inserts its placeholder that rejects everyone instead.
 */
public final class ProjectVerifiers {
  private ProjectVerifiers() {}

  /**
   * A verifier callable from the patched file.
   *
   * @param local the name the patched file calls it by
   * @param imports the edits that import it; empty when the file already has it in scope
   */
  public record Call(Verifier verifier, String local, List<TextEdit> imports) {
    /** The call on {@code argument}, awaited when the verifier is async (the caller's function must be async). */
    public String expression(String argument) {
      return (verifier.async() ? "await " : "") + local + "(" + argument + ")";
    }
  }

  /**
   * The nearest verifier taking {@code input}: the same file first, then one the file already imports, then by
   * fewest directory steps, then by path; with its import. Empty when there is none, or when importing it would
   * clash with a name the file already binds.
   */
  public static Optional<Call> choose(JsEdits edits, FixContext context, Verifier.Input input) {
    return choose(edits, context, List.of(input));
  }

  /**
   * Like {@link #choose(JsEdits, FixContext, Verifier.Input)} over verifiers taking any of {@code inputs}; where two
   * are equally near, the input listed first wins.
   *
   * <p>One scan may hold several apps ({@code apps/a}, {@code packages/b/src}), and a patch must not reach into
   * another app's code. So a verifier outside the file's own folder is offered only when the file already imports it,
   * or when it lies no further up than the file's own imports already reach: {@code src/ws/server.js}, which imports
   * {@code ../config}, may call {@code src/auth/jwt.js}; a file that imports only from its own folder gets only a
   * verifier of that folder or below.
   */
  public static Optional<Call> choose(JsEdits edits, FixContext context, List<Verifier.Input> inputs) {
    String from = edits.tree().path();
    Path dir = parent(from);
    record Candidate(Verifier verifier, String bound, int rank, int distance) {}
    int reach = reach(edits, dir);
    List<Candidate> candidates = new ArrayList<>();
    for (Verifier v : context.callableFrom(Language.JAVASCRIPT)) {
      if (!inputs.contains(v.input())) {
        continue;
      }
      String path = v.location().path();
      boolean same = path.equals(from);
      String bound = same ? null : importedAs(edits, dir, path, v.name());
      Path target = parent(path);
      if (!same && bound == null && levelsUp(dir, target) > reach) {
        continue;
      }
      candidates.add(new Candidate(v, bound, same ? 0 : bound != null ? 1 : 2, distance(dir, target)));
    }
    candidates.sort(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::distance)
        .thenComparingInt(c -> inputs.indexOf(c.verifier().input()))
        .thenComparing(c -> c.verifier().location().path()).thenComparing(c -> c.verifier().name()));
    for (Candidate c : candidates) {
      Verifier v = c.verifier();
      String path = v.location().path();
      if (path.equals(from)) {
        if (!"default".equals(v.name())) {
          return Optional.of(new Call(v, v.name(), List.of()));
        }
        continue;
      }
      if (c.bound() != null) {
        return Optional.of(new Call(v, c.bound(), List.of())); // the file imports it already (for its routes, say)
      }
      String specifier = specifier(dir, path, edits.esm() && !edits.typescript());
      boolean defaultExport = "default".equals(v.name());
      String local = defaultExport ? localName(path) : v.name();
      if (edits.declares(local)) {
        continue; // the file binds that name to something else, or imports it in a shape not worth guessing
      }
      return Optional.of(new Call(v, local, List.of(edits.addBindingImport(local, specifier, defaultExport))));
    }
    return Optional.empty();
  }

  /**
   * The name a top-level import or require of the file binds {@code export} of the module at {@code target} to:
   * {@code import { verifyToken as verify } from './auth'}, {@code const { verifyToken } = require('./auth')},
   * {@code import auth from './auth'} for a default export. Null when the file imports no such binding.
   */
  static String importedAs(JsEdits edits, Path fromDir, String target, String export) {
    for (Node statement : edits.topLevel()) {
      if (statement.is("import_statement")) {
        String bound = esmBinding(statement, fromDir, target, export);
        if (bound != null) {
          return bound;
        }
      } else if (statement.isAny("lexical_declaration", "variable_declaration")) {
        for (Node declarator : statement.namedChildren()) {
          String bound = requireBinding(declarator, fromDir, target, export);
          if (bound != null) {
            return bound;
          }
        }
      }
    }
    return null;
  }

  private static String esmBinding(Node statement, Path fromDir, String target, String export) {
    Node source = statement.child("source");
    Node clause = statement.childOfType("import_clause");
    if (clause == null || !resolvesTo(fromDir, Syntax.stringValue(source), target)
        || statement.children().stream().anyMatch(c -> c.is("type"))) {
      return null;
    }
    for (Node part : clause.namedChildren()) {
      if (part.is("identifier") && export.equals("default")) {
        return part.text();
      }
      if (part.is("named_imports")) {
        for (Node spec : part.namedChildren()) {
          Node name = spec.child("name");
          Node alias = spec.child("alias");
          boolean typeOnly = spec.children().stream().anyMatch(c -> c.is("type"));
          if (spec.is("import_specifier") && !typeOnly && name != null && name.text().equals(export)) {
            return alias != null ? alias.text() : name.text();
          }
        }
      }
    }
    return null;
  }

  private static String requireBinding(Node declarator, Path fromDir, String target, String export) {
    Node value = declarator.is("variable_declarator") ? Syntax.unwrap(declarator.child("value")) : null;
    Node name = declarator.child("name");
    if (value == null || name == null || !resolvesTo(fromDir, ApiResolver.requiredModule(value), target)) {
      return null;
    }
    if (name.is("identifier")) {
      return export.equals("default") ? name.text() : null;
    }
    if (!name.is("object_pattern")) {
      return null;
    }
    for (Node p : name.namedChildren()) {
      if (p.is("shorthand_property_identifier_pattern") && p.text().equals(export)) {
        return p.text();
      }
      if (p.is("pair_pattern") && p.child("key") != null && p.child("key").text().equals(export)
          && p.child("value") != null && p.child("value").is("identifier")) {
        return p.child("value").text();
      }
    }
    return null;
  }

  /** A relative specifier naming {@code target}, with or without its extension, or as its folder's index. */
  private static boolean resolvesTo(Path fromDir, String specifier, String target) {
    if (specifier == null || !specifier.startsWith(".")) {
      return false;
    }
    String resolved = fromDir.resolve(specifier).normalize().toString().replace('\\', '/');
    String t = Path.of(target).normalize().toString().replace('\\', '/');
    String bare = t.replaceFirst("\\.(?:[cm]?js|[cm]?ts|tsx|jsx)$", "");
    // TypeScript under NodeNext imports './auth.js' for auth.ts
    String written = resolved.replaceFirst("\\.(?:[cm]?js|jsx)$", "");
    return resolved.equals(t) || resolved.equals(bare) || written.equals(bare) || bare.equals(resolved + "/index");
  }

  /** {@code ./auth} or {@code ../lib/auth}; plain ESM JavaScript keeps the extension, as Node's resolver needs. */
  static String specifier(Path fromDir, String target, boolean keepExtension) {
    Path relative = fromDir.relativize(Path.of(target).normalize());
    String s = relative.toString().replace('\\', '/');
    if (!keepExtension) {
      s = s.replaceFirst("\\.(?:[cm]?js|[cm]?ts|tsx|jsx)$", "");
      if (s.endsWith("/index")) {
        s = s.substring(0, s.length() - "/index".length());
      }
    }
    return s.startsWith(".") ? s : "./" + s;
  }

  /** A default export's local name: its file's base name in camel case ({@code verify-token.js}: verifyToken). */
  private static String localName(String path) {
    Path file = Path.of(path).getFileName();
    // a root path has no file name: the fallback name below applies
    String base = file == null ? "" : file.toString().replaceFirst("\\..*$", "");
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : base.toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = out.length() > 0;
      }
    }
    String name = out.length() == 0 || Character.isDigit(out.charAt(0)) ? "verifyCredential" : out.toString();
    return name.equals("index") ? "verifyCredential" : name;
  }

  private static Path parent(String path) {
    Path p = Path.of(path).normalize().getParent();
    return p == null ? Path.of("") : p;
  }

  private static int distance(Path a, Path b) {
    return a.equals(b) ? 0 : a.relativize(b).getNameCount();
  }

  /** How far up the file's own relative imports go: 1 for {@code ../config}, 0 for {@code ./util} or none. */
  private static int reach(JsEdits edits, Path dir) {
    int reach = 0;
    for (String specifier : ImportPaths.specifiers(edits.tree().root())) {
      Path folder = dir.resolve(specifier).normalize().getParent();
      reach = Math.max(reach, levelsUp(dir, folder == null ? Path.of("") : folder));
    }
    return reach;
  }

  /** How many levels up from {@code a} the way to {@code b} goes ({@code ../../x}: 2). */
  private static int levelsUp(Path a, Path b) {
    if (a.equals(b)) {
      return 0;
    }
    int up = 0;
    for (Path part : a.relativize(b)) {
      if (!part.toString().equals("..")) {
        break;
      }
      up++;
    }
    return up;
  }
}
