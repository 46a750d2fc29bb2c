package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;

/** Recognises Socket.IO servers. */
public final class SocketIoRecognizer implements FrameworkRecognizer {
  private final FileContext cx;

  public SocketIoRecognizer(FileContext cx) {
    this.cx = cx;
  }

  @Override
  public Recognized recognize() {
    // a placeholder until this framework's recogniser lands: it finds nothing
    java.util.Objects.requireNonNull(cx);
    return Recognized.NONE;
  }
}
