package dev.wsguard.js.frameworks.expressws;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;

/** Recognises express-ws servers. */
public final class ExpressWsRecognizer implements FrameworkRecognizer {
  private final FileContext cx;

  public ExpressWsRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    java.util.Objects.requireNonNull(cx.tree());
    return Recognized.NONE;
  }
}
