package dev.wsguard.rules;

import dev.wsguard.core.rule.Rule;
import java.util.List;

/**
 * The rule catalogue, written out by hand and sorted by id, as Error Prone lists its checks: a rule runs only when
 * it is named here, and {@code RuleCatalogTest} fails when a rule class is missing.
 */
public final class Rules {
  public static final List<Rule> ALL =
      List.of(
          new BroadcastToAll(),
          new MissingMessageAuthz(),
          new MissingOriginCheck(),
          new MissingUpgradeAuth(),
          new UnverifiedToken());

  private Rules() {}
}
