package dev.wsguard.java.frameworks.netty;

import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.analysis.Constants;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.analysis.HandshakeTokenUses;
import dev.wsguard.java.analysis.MethodSummary;
import dev.wsguard.java.analysis.Summaries;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Netty endpoints: one per {@code WebSocketServerProtocolHandler} in a pipeline. Handlers before it authenticate the
 * upgrade request; handlers after it receive the frames (handlers, sends) and the HandshakeComplete event.
 */
public final class NettyLinker implements FrameworkLinker {
  @Override
  public void link(LinkIndex index, LinkOutput out) {
    Map<String, MethodSummary> summaries = Summaries.index(index);
    Map<String, NettyFacts.Handler> handlers = new HashMap<>();
    index.all(NettyFacts.Handler.class).forEach(h -> handlers.putIfAbsent(h.fact().className(), h.fact()));
    for (LinkIndex.Located<NettyFacts.Pipeline> p : index.all(NettyFacts.Pipeline.class)) {
      NettyFacts.Pipeline pipeline = p.fact();
      List<String> unknowns = new ArrayList<>(pipeline.unknowns());
      List<String> paths = Constants.resolve(pipeline.paths(), index, unknowns);
      List<HandshakeGuard> guards = new ArrayList<>();
      Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
      OriginPolicy origin = OriginPolicy.anyByDefault("Netty's WebSocketServerProtocolHandler");
      List<MessageHandler> messageHandlers = new ArrayList<>();
      List<Send> sends = new ArrayList<>();
      for (String name : pipeline.before()) {
        NettyFacts.Handler h = handlers.get(name);
        if (h == null) {
          unknowns.add("the pipeline handler " + simple(name) + " could not be read, so what it checks is unknown");
          guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.UNKNOWN,
              Coverage.UNKNOWN, simple(name), pipeline.declaration(), List.of(), List.of()));
          continue;
        }
        if (h.requestGate() != null) {
          add(h.requestGate(), summaries, guards, credentials, unknowns);
        }
        if (h.origin() != null) {
          origin = h.origin();
        }
      }
      for (String name : pipeline.after()) {
        NettyFacts.Handler h = handlers.get(name);
        if (h == null) {
          unknowns.add("the frame handler " + simple(name) + " could not be read, so its handlers are unknown");
          continue;
        }
        if (h.eventGate() != null) {
          add(h.eventGate(), summaries, guards, credentials, unknowns);
        }
        messageHandlers.addAll(h.handlers());
        sends.addAll(h.sends());
      }
      Endpoint e = new Endpoint(Framework.NETTY, Language.JAVA, pipeline.declaration(), paths, guards, credentials,
          origin, messageHandlers, sends, Limits.NONE, unknowns);
      out.endpoint(e);
      HandshakeTokenUses.attach(index, e, out);
    }
  }

  private static void add(Gate gate, Map<String, MethodSummary> summaries, List<HandshakeGuard> guards,
      Set<CredentialSource> credentials, List<String> unknowns) {
    Summaries.Resolved r = Summaries.resolve(gate, summaries);
    if (r.unknown() != null) {
      unknowns.add(r.unknown());
    }
    Gate g = r.gate();
    guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, g.place(), g.strength(), g.coverage(), g.description(),
        g.evidence(), g.related(), g.uncovered()));
    credentials.addAll(g.credentials());
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
