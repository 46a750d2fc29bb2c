package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;

/** Recognises NestJS gateway servers. */
public final class NestGatewayRecognizer implements FrameworkRecognizer {
  private final FileContext cx;

  public NestGatewayRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    java.util.Objects.requireNonNull(cx.tree());
    return Recognized.NONE;
  }
}
