package dev.wsguard.js.frameworks.fastify;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;

/** Recognises @fastify/websocket servers. */
public final class FastifyWebSocketRecognizer implements FrameworkRecognizer {
  private final FileContext cx;

  public FastifyWebSocketRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    // a placeholder until this framework's recogniser lands: it finds nothing
    java.util.Objects.requireNonNull(cx);
    return Recognized.NONE;
  }
}
