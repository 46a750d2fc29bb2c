package dev.wsguard.java.fix;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import java.util.Optional;

/** One framework's patch writer: renders the intents of that framework's endpoints over the parsed file. */
public interface JavaFixer {
  /** Empty when the code does not have a shape this fixer can patch with certainty. */
  Optional<Fix> render(FixIntent intent, JavaEdits edits, FixContext context);
}
