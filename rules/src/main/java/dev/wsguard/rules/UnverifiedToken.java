package dev.wsguard.rules;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.Tag;
import dev.wsguard.core.rule.TokenUseCheck;

/**
 * Flags tokens that are trusted without a signature check: decoded only, or verified in a try whose catch carries on.
 * It looks at every token use, on a WebSocket path or not.
 */
@RuleInfo(
    id = "unverified-token",
    summary = "Token is trusted without a successful signature verification",
    cwe = 347,
    level = Level.ERROR,
    tags = {Tag.TOKENS, Tag.AUTHENTICATION},
    fix = FixKind.SUGGESTED,
    precision = Precision.HIGH,
    // CVSS 3.1 AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N: anyone can mint an unsigned or badly signed token naming any
    // user or role, and the code acts on it
    securitySeverity = "9.1")
public final class UnverifiedToken implements TokenUseCheck {

  enum Variant implements MessageVariant {
    DECODED_NOT_VERIFIED("{library} decodes the token without verifying its signature, and the result is trusted as"
        + " identity or roles{endpoint}"),
    FAILURE_SWALLOWED("A failed {library} verification is caught and execution carries on as if it had"
        + " passed{endpoint}");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    @Override
    public String template() {
      return template;
    }
  }

  /**
   * Decoding alone is fine when the result is not trusted: reading a key id or an expiry to pick a verifier is how
   * verification starts.
   */
  private static boolean trustsUnverifiedClaims(TokenUse use) {
    return !use.signatureChecked() && use.resultTrusted();
  }

  private static boolean carriesOnAfterFailedVerification(TokenUse use) {
    return use.signatureChecked() && use.failureSwallowed();
  }

  private static boolean onHandshakePath(TokenUse use) {
    return use.endpointDeclaration() != null;
  }

  @Override
  public void check(TokenUse use, Reporter report) {
    Variant variant;
    if (trustsUnverifiedClaims(use)) {
      variant = Variant.DECODED_NOT_VERIFIED;
    } else if (carriesOnAfterFailedVerification(use)) {
      variant = Variant.FAILURE_SWALLOWED;
    } else {
      return;
    }
    String endpoint = onHandshakePath(use) ? ", on the handshake of the endpoint at " + use.endpointDeclaration() : "";
    Reporter.FindingBuilder finding = report.at(use.location())
        .variant(variant, use.library(), endpoint)
        .fix(new FixIntent.VerifyToken(use));
    if (variant == Variant.FAILURE_SWALLOWED && use.swallowedAt() != null) {
      finding.related(use.swallowedAt(), "this catch lets a failed verification through");
    }
    if (onHandshakePath(use)) {
      finding.related(use.endpointDeclaration(), "the endpoint whose handshake trusts this token");
    }
    finding.emit();
  }
}
