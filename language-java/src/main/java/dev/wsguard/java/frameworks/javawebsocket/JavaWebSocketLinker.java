package dev.wsguard.java.frameworks.javawebsocket;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.analysis.HandshakeTokenUses;
import dev.wsguard.java.analysis.MethodSummary;
import dev.wsguard.java.analysis.Summaries;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Java-WebSocket servers as endpoints, with helpers in other files resolved through method summaries. */
public final class JavaWebSocketLinker implements FrameworkLinker {
  @Override
  public void link(LinkIndex index, LinkOutput out) {
    Map<String, MethodSummary> summaries = Summaries.index(index);
    for (LinkIndex.Located<JavaWebSocketServer> s : index.all(JavaWebSocketServer.class)) {
      JavaWebSocketServer server = s.fact();
      List<String> unknowns = new ArrayList<>();
      List<HandshakeGuard> guards = new ArrayList<>();
      Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
      for (Gate gate : new Gate[] {server.handshakeGate(), server.openGate()}) {
        if (gate == null) {
          continue;
        }
        Summaries.Resolved r = Summaries.resolve(gate, summaries);
        if (r.unknown() != null) {
          unknowns.add(r.unknown());
        }
        Gate g = r.gate();
        guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, g.place(), g.strength(), g.coverage(),
            g.description(), g.evidence(), g.related(), g.uncovered()));
        credentials.addAll(g.credentials());
      }
      OriginPolicy origin = server.origin() != null ? server.origin()
          : OriginPolicy.anyByDefault("Java-WebSocket's WebSocketServer");
      Endpoint e = new Endpoint(Framework.JAVA_WEBSOCKET, Language.JAVA, server.declaration(), List.of(), guards,
          credentials, origin, server.handlers(), server.sends(), Limits.NONE, unknowns);
      out.endpoint(e);
      HandshakeTokenUses.attach(index, e, out);
    }
  }
}
