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
    java.util.Objects.requireNonNull(cx.tree());
    return Recognized.NONE;
  }
}
