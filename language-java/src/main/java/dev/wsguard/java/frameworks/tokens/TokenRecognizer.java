package dev.wsguard.java.frameworks.tokens;

import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.analysis.Code;
import dev.wsguard.java.analysis.TokenCalls;
import dev.wsguard.java.analysis.TokenCalls.TokenCall;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.facts.TokenUseFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.unit.JavaUnit;
import java.util.function.Consumer;

/**
 * Token uses in any Java file, WebSocket or not: every decode or verify call of jjwt, java-jwt, Nimbus and Spring's
 * {@code JwtDecoder}, and JWT payloads decoded by hand. (The method summaries that let a guard in one file be
 * judged by the helper it calls in another come from {@link dev.wsguard.java.analysis.ProjectFacts}.)
 */
public final class TokenRecognizer implements JavaRecognizer {
  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    for (TokenCall t : TokenCalls.in(unit.tree(), unit.types())) {
      TokenUse use = new TokenUse(unit.head(t.call()), t.library(), t.signatureChecked(), t.resultTrusted(),
          t.failureSwallowed(), t.swallowedAt() == null ? null : unit.head(t.swallowedAt()), null);
      out.accept(new TokenUseFact(use, Code.methodKey(t.call(), unit.types())));
    }
  }
}
