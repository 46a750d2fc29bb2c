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
    // a placeholder until this framework's recogniser lands: it finds nothing
    java.util.Objects.requireNonNull(cx);
    return Recognized.NONE;
  }
}
