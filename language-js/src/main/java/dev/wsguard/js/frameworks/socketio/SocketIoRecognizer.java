package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;

/** Recognises Socket.IO servers. */
public final class SocketIoRecognizer implements FrameworkRecognizer {
  public SocketIoRecognizer(FileContext cx) {
    // a placeholder until this framework's recogniser lands: it reads nothing yet
  }

  @Override
  public Recognized recognize() {
    return Recognized.NONE;
  }
}
