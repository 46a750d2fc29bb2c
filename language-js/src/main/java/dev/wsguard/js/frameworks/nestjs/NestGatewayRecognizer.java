package dev.wsguard.js.frameworks.nestjs;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;

/** Recognises NestJS gateway servers. */
public final class NestGatewayRecognizer implements FrameworkRecognizer {
  public NestGatewayRecognizer(FileContext cx) {
    // a placeholder until this framework's recogniser lands: it reads nothing yet
  }

  @Override
  public Recognized recognize() {
    return Recognized.NONE;
  }
}
