package dev.wsguard.java.analysis;

import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.unit.JavaUnit;
import java.util.function.Consumer;

/**
 * The framework-neutral facts of every Java file: method summaries (what each method does with a credential), the
 * shapes of methods a patch could call to verify a token, and string constants, which framework linkers use to follow a guard or a path into another file.
 */
public final class ProjectFacts implements JavaRecognizer {
  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    Summaries.summarize(unit, out);
    VerifierShape.collect(unit, out);
    Constants.collect(unit, out);
  }
}
