package dev.wsguard.java.analysis;

import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.facts.TokenUseFact;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.HashSet;
import java.util.Set;

/**
 * Names the endpoint on the token uses that its authentication guards rest on (the decode or verify call in the
 * guard itself, or in the helper it calls), so that unverified-token can say whose handshake trusts the token.
 */
public final class HandshakeTokenUses {
  private HandshakeTokenUses() {}

  public static void attach(LinkIndex index, Endpoint endpoint, LinkOutput out) {
    Set<SourceLocation> evidence = new HashSet<>();
    for (HandshakeGuard g : endpoint.guards()) {
      evidence.add(g.evidence());
      for (RelatedLocation r : g.related()) {
        evidence.add(r.location());
      }
    }
    for (LinkIndex.Located<TokenUseFact> f : index.all(TokenUseFact.class)) {
      TokenUse u = f.fact().use();
      if (evidence.contains(u.location()) && u.endpointDeclaration() == null) {
        out.tokenUse(new TokenUse(u.location(), u.library(), u.signatureChecked(), u.resultTrusted(),
            u.failureSwallowed(), u.swallowedAt(), endpoint.declaration()));
      }
    }
  }
}
