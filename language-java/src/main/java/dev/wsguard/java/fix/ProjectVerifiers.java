package dev.wsguard.java.fix;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Verifier;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the project's own credential check for a Java patch to call (DESIGN.md "Suggested patches"), with the
 * import of its class. Static methods are called on their class; an instance method needs its bean, which only a
 * framework with injection can supply, so a fixer asks for those explicitly.
 */
public final class ProjectVerifiers {
  private ProjectVerifiers() {}

  /**
   * A verifier callable from the patched file.
   *
   * @param owner the simple name the patched file calls its class by
   * @param imports the edits importing that class; empty when it is in scope already
   */
  public record Call(Verifier verifier, String owner, List<TextEdit> imports) {
    /** {@code Owner.method(argument)} for a static verifier; {@code bean.method(argument)} for an instance one. */
    public String expression(String receiver, String argument) {
      return (verifier.instance() ? receiver : owner) + "." + verifier.name() + "(" + argument + ")";
    }
  }

  /**
   * The verifier taking {@code input}, static ones (or instance ones too when {@code instances}) in the same
   * package first, then by class name. Empty when there is none, or when its class's simple name is taken.
   */
  public static Optional<Call> choose(JavaEdits edits, FixContext context, Verifier.Input input, boolean instances) {
    String pkg = edits.tree().getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    List<Verifier> candidates = context.callableFrom(Language.JAVA).stream()
        .filter(v -> v.input() == input && v.container() != null && (instances || !v.instance()))
        .sorted(Comparator.comparing((Verifier v) -> !packageOf(v.container()).equals(pkg))
            .thenComparing(Verifier::container).thenComparing(Verifier::name))
        .toList();
    for (Verifier v : candidates) {
      String container = v.container();
      Optional<List<TextEdit>> imports = edits.addImports(List.of(container));
      if (imports.isPresent()) {
        return Optional.of(new Call(v, container.substring(container.lastIndexOf('.') + 1), imports.get()));
      }
    }
    return Optional.empty();
  }

  private static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
