package dev.wsguard.java.analysis;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.facts.JavaFact;
import java.util.List;
import java.util.Set;

/**
 * What one project method does with a credential, as its own body shows, so that a guard in another file that
 * calls it can be judged at link time.
 *
 * @param key "com.acme.auth.JwtService#validate"
 * @param strength what its strongest check is worth; null when it checks nothing itself
 * @param description the check, in the source's terms ("jjwt.parseSignedClaims")
 * @param evidence the check's call; null with {@code strength}
 * @param throwsOnFailure a failed check leaves the method by an exception (so a caller that does not catch it stops)
 * @param delegates project methods it hands the credential to, whose summaries decide when it checks nothing itself
 * @param credentials where the credential it reads comes from (when it reads the request itself)
 */
public record MethodSummary(String key, int parameters, Strength strength, String description,
    SourceLocation evidence, boolean throwsOnFailure, List<HelperRef> delegates, Set<CredentialSource> credentials)
    implements JavaFact {
  public MethodSummary {
    delegates = List.copyOf(delegates);
    credentials = Set.copyOf(credentials);
  }
}
