package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.unit.JavaUnit;
import java.util.function.Consumer;

/**
 * Summarises every project method's credential checks ({@link MethodSummaryReader}) so that gates of any framework
 * can be judged across files. Framework-neutral; it sits here until the shared analysis package takes it over.
 */
public final class SummaryRecognizer implements JavaRecognizer {
  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    MethodSummaryReader.read(unit, out);
  }
}
