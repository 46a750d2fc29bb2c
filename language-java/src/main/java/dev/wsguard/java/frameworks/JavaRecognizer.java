package dev.wsguard.java.frameworks;

import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.function.Consumer;

/**
 * Reads one framework's facts out of one parsed file, on the worker thread. Each framework package has one; it never
 * decides what is a vulnerability, and it hands out facts, never the tree.
 */
public interface JavaRecognizer {
  void recognize(JavaUnit unit, Consumer<JavaFact> out);
}
