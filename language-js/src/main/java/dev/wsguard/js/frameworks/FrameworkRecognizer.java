package dev.wsguard.js.frameworks;

import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.facts.HandlerFact;
import java.util.Map;

/**
 * Recognises one framework's servers in one file. Each framework package has one; {@link Recognizers} lists them.
 * A recogniser reads the file through its {@code FileContext} and never decides what is a vulnerability.
 */
public interface FrameworkRecognizer {
  Recognized recognize();

  /**
   * Exported functions of this file that handle a connection's messages for this framework, by function key; called
   * after {@link #recognize()}.
   */
  default Map<String, HandlerFact> handlerExports(Map<String, ExportFact> exports) {
    return Map.of();
  }
}
