package dev.wsguard.js.frameworks.uws;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;

/** Recognises uWebSockets.js servers. */
public final class UwsRecognizer implements FrameworkRecognizer {
  private final FileContext cx;

  public UwsRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    // a placeholder until this framework's recogniser lands: it finds nothing
    java.util.Objects.requireNonNull(cx);
    return Recognized.NONE;
  }
}
