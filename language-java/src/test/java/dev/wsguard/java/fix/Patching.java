package dev.wsguard.java.fix;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Test helper: renders an intent with the front end's own fix renderer and applies the patch to the text. */
public final class Patching {
  private Patching() {}

  /** The patched text; empty when the renderer offers no patch. */
  public static Optional<String> patched(String path, String text, FixIntent intent, FixContext context) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Optional<Fix> fix = new JavaFrontEnd().fixRenderer().render(intent, new SourceFile(path, bytes), context);
    return fix.map(f -> new String(Patches.apply(bytes, f.edits()), StandardCharsets.UTF_8));
  }

  public static Optional<String> patched(String path, String text, FixIntent intent) {
    return patched(path, text, intent, FixContext.EMPTY);
  }

  /** A context holding one static Java verifier of the project. */
  public static FixContext verifier(String container, String name, Verifier.Input input, Verifier.Failure failure) {
    String path = container.replace('.', '/') + ".java";
    return new FixContext(List.of(new Verifier(name, container, new SourceLocation(path, 1, 1, 1, 1, 0, 0), input,
        failure, false, false)));
  }
}
