package dev.wsguard.cli;

import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.java.JavaFrontEnd;
import dev.wsguard.js.JsFrontEnd;
import dev.wsguard.rules.Rules;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place where the front ends and the rule catalogue are assembled. Front ends are built only when a scan
 * needs them: {@code wsguard rules} should not load a parser.
 *
 * @param frontEnds builds the front ends, in priority order
 * @param rules the catalogue, sorted by id
 */
record Analyzers(Supplier<List<FrontEnd>> frontEnds, List<Rule> rules) {
  static Analyzers standard() {
    return new Analyzers(() -> List.of(new JsFrontEnd(), new JavaFrontEnd()), Rules.ALL);
  }
}
