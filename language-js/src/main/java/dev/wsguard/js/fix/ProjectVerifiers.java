package dev.wsguard.js.fix;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Verifier;
import java.nio.file.Path;
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
   * The nearest verifier taking {@code input} (the same file first, then by fewest directory steps, then by path),
   * with its import. Empty when there is none, or when importing it would clash with a name the file already binds.
   */
  public static Optional<Call> choose(JsEdits edits, FixContext context, Verifier.Input input) {
    String from = edits.tree().path();
    Path dir = parent(from);
    List<Verifier> candidates = context.callableFrom(Language.JAVASCRIPT).stream()
        .filter(v -> v.input() == input)
        .sorted(Comparator.comparingInt((Verifier v) -> v.location().path().equals(from) ? -1
            : distance(dir, parent(v.location().path()))).thenComparing(v -> v.location().path()))
        .toList();
    for (Verifier v : candidates) {
      String path = v.location().path();
      if (path.equals(from)) {
        if (!"default".equals(v.name())) {
          return Optional.of(new Call(v, v.name(), List.of()));
        }
        continue;
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
    String base = (file == null ? path : file.toString()).replaceFirst("\\..*$", "");
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
    return a.relativize(b).getNameCount();
  }
}
