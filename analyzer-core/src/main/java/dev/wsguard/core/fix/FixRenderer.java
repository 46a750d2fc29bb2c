package dev.wsguard.core.fix;

import dev.wsguard.core.engine.SourceFile;
import java.util.Optional;

/** Renders a fix intent as edits in one language; implemented per framework in the front ends. */
public interface FixRenderer {
  /**
   * Empty when this renderer cannot write the patch for that intent.
   *
   * @param context the project's own credential checks, which the patch calls when one fits
   */
  Optional<Fix> render(FixIntent intent, SourceFile file, FixContext context);
}
