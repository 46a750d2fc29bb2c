package dev.wsguard.core.rule;

import dev.wsguard.core.model.TokenUse;

/** A rule that looks at each token decode or verify call, in any file. */
public interface TokenUseCheck extends Rule {
  void check(TokenUse use, Reporter report);
}
