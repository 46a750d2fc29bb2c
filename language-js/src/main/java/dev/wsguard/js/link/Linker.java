package dev.wsguard.js.link;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.rule.Level;
import dev.wsguard.js.JsFileAnalysis;
import dev.wsguard.js.facts.DelegateFact;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.GuardedHandlerFact;
import dev.wsguard.js.facts.HandlerFact;
import dev.wsguard.js.facts.PartFact;
import dev.wsguard.js.facts.TokenUseFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links per-file analyses into model facts: attaches parts to the endpoints they import, resolves helpers across
 * files into guard strengths, and marks the token uses that lie on an endpoint's handshake path.
 */
public final class Linker {
  public static final String UNRESOLVED_IMPORT = "unresolved-import";
  private static final int MAX_DELEGATES = 64;

  private final Modules modules;
  private final Verdicts verdicts;
  private final GuardResolver guards;
  private final ExportedVerifiers exportedVerifiers;
  private final LinkContext context;
  private final Map<EndpointFact, List<PartFact>> partsOf = new IdentityHashMap<>();
  private final Map<TokenUseFact, SourceLocation> endpointOf = new IdentityHashMap<>();

  private Linker(List<JsFileAnalysis> analyses, LinkContext context) {
    this.modules = new Modules(analyses);
    this.verdicts = new Verdicts(modules);
    this.guards = new GuardResolver(verdicts);
    this.exportedVerifiers = new ExportedVerifiers(modules, verdicts);
    this.context = context;
  }

  public static List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
    List<JsFileAnalysis> ours = new ArrayList<>();
    for (FileAnalysis a : analyses) {
      if (a instanceof JsFileAnalysis js) {
        ours.add(js);
      }
    }
    // the engine hands analyses over in whatever order its threads finished: link in path order, so that output
    // (which endpoint a shared helper's token use is attributed to, say) is the same on every run
    ours.sort(Comparator.comparing(JsFileAnalysis::path));
    return new Linker(ours, context).run();
  }

  private List<FileFacts> run() {
    for (JsFileAnalysis file : modules.files()) {
      for (PartFact part : file.parts()) {
        attach(part);
      }
      if (context.verbose()) {
        reportUnresolved(file);
      }
    }
    Map<EndpointFact, Endpoint> endpoints = new IdentityHashMap<>();
    for (JsFileAnalysis file : modules.files()) {
      for (EndpointFact e : file.endpoints()) {
        endpoints.put(e, endpoint(file, e));
      }
    }
    List<FileFacts> out = new ArrayList<>();
    for (JsFileAnalysis file : modules.files()) {
      List<Endpoint> models = new ArrayList<>();
      for (EndpointFact e : file.endpoints()) {
        models.add(endpoints.get(e));
      }
      List<TokenUse> uses = new ArrayList<>();
      for (TokenUseFact u : file.tokenUses()) {
        SourceLocation declaration = endpointOf.get(u);
        TokenUse use = u.use();
        uses.add(declaration == null ? use : new TokenUse(use.location(), use.library(), use.signatureChecked(),
            use.resultTrusted(), use.failureSwallowed(), use.swallowedAt(), declaration));
      }
      out.add(new FileFacts(file.path(), file.language(), models, uses, exportedVerifiers.in(file)));
    }
    return out;
  }

  private void attach(PartFact part) {
    FunctionRef target = part.target();
    Modules.Resolved resolved = modules.export(modules.module(target.file(), target.specifier()), target.name());
    if (resolved == null) {
      return;
    }
    String binding = resolved.export().binding();
    String function = resolved.export().functionKey();
    // every endpoint on the export (an express Router holds several routes); a Fastify plugin's routes are bound to
    // the plugin function's key, whatever name the module exports it under
    for (EndpointFact e : resolved.file().endpoints()) {
      // a ws server and a Socket.IO server are both used as x.on('connection'): the part names its framework
      boolean sameFramework = part.framework() == null || part.framework() == e.framework();
      if (sameFramework && e.binding() != null && (e.binding().equals(binding) || e.binding().equals(function))) {
        partsOf.computeIfAbsent(e, k -> new ArrayList<>()).add(part);
      }
    }
  }

  private Endpoint endpoint(JsFileAnalysis file, EndpointFact e) {
    List<GuardFact> facts = new ArrayList<>(e.guards());
    List<MessageHandler> handlers = new ArrayList<>(e.handlers());
    List<Send> sends = new ArrayList<>(e.sends());
    List<String> unknowns = new ArrayList<>(e.unknowns());
    List<DelegateFact> delegates = new ArrayList<>(e.delegates());
    for (PartFact part : partsOf.getOrDefault(e, List.of())) {
      facts.addAll(part.guards());
      handlers.addAll(part.handlers());
      sends.addAll(part.sends());
      unknowns.addAll(part.unknowns());
      delegates.addAll(part.delegates());
    }
    Set<HandlerFact> attached = new HashSet<>();
    // a handler module may hand the connection on to another one: follow those too, each once
    for (int i = 0; i < delegates.size() && i < MAX_DELEGATES; i++) {
      HandlerFact h = handlerOf(delegates.get(i));
      if (h != null && attached.add(h)) {
        handlers.addAll(h.handlers());
        sends.addAll(h.sends());
        facts.addAll(h.guards());
        delegates.addAll(h.delegates());
      }
    }
    for (GuardedHandlerFact g : e.guardedHandlers()) {
      handlers.set(g.handler(), guarded(handlers.get(g.handler()), g));
    }
    GuardResolver.Resolved resolved = guards.resolve(facts, e.framework().token());
    for (String u : resolved.unknowns()) {
      if (!unknowns.contains(u)) {
        unknowns.add(u);
      }
    }
    boolean upgradeHandled = facts.stream().anyMatch(g -> g.place() == GuardPlace.HANDSHAKE
        && g.description().equals("upgrade handler"));
    if (e.noServer() && !upgradeHandled && e.binding() != null) {
      unknowns.add("no upgrade handler calling handleUpgrade was found for this noServer endpoint");
    }
    markTokenUses(e.declaration(), facts, resolved.helpers());
    return new Endpoint(e.framework(), file.language(), e.declaration(), e.paths(), resolved.guards(),
        resolved.credentials(), resolved.origin(), handlers, sends, e.limits(), unknowns);
  }

  /**
   * A handler whose permission check rests on guards of other modules: a guard whose module says it checks a
   * permission makes it present; guards that all check only identity leave it absent; otherwise it stays as the
   * handler's file left it (unknown).
   */
  private MessageHandler guarded(MessageHandler h, GuardedHandlerFact g) {
    if (h.permissionCheck() == PermissionCheck.PRESENT) {
      return h;
    }
    boolean allIdentity = true;
    for (FunctionRef ref : g.guards()) {
      HandlerFact check = guardCheck(ref);
      MessageHandler verdict = check == null || check.handlers().isEmpty() ? null : check.handlers().get(0);
      if (verdict != null && verdict.permissionCheck() == PermissionCheck.PRESENT) {
        List<RelatedLocation> evidence = new ArrayList<>(h.evidence());
        evidence.addAll(verdict.evidence());
        return new MessageHandler(h.messageType(), h.location(), h.privilegedAction(), PermissionCheck.PRESENT, null,
            evidence);
      }
      allIdentity &= verdict != null;
    }
    if (!allIdentity || h.permissionCheck() == PermissionCheck.ABSENT) {
      return h;
    }
    List<RelatedLocation> evidence = new ArrayList<>();
    for (RelatedLocation r : h.evidence()) {
      if (!r.location().equals(g.at())) {
        evidence.add(r);
      }
    }
    evidence.add(new RelatedLocation(g.at(), "the guards bound here check who the user is, not what they may do"));
    return new MessageHandler(h.messageType(), h.location(), h.privilegedAction(), PermissionCheck.ABSENT,
        h.clientSuppliedId(), evidence);
  }

  private HandlerFact guardCheck(FunctionRef ref) {
    if (!ref.isRelative()) {
      return null;
    }
    Modules.Resolved resolved = modules.export(modules.module(ref.file(), ref.specifier()), ref.name());
    if (resolved == null || resolved.export().functionKey() == null) {
      return null;
    }
    HandlerFact h = resolved.file().handlerExports().get(resolved.export().functionKey());
    return h != null && h.socketIndex() < 0 ? h : null;
  }

  /** What the function a message handler delegates to does with the connection and the message; null if unread. */
  private HandlerFact handlerOf(DelegateFact d) {
    FunctionRef target = d.target();
    if (!target.isRelative()) {
      return null;
    }
    Modules.Resolved resolved = modules.export(modules.module(target.file(), target.specifier()), target.name());
    if (resolved == null || resolved.export().functionKey() == null) {
      return null;
    }
    HandlerFact h = resolved.file().handlerExports().get(resolved.export().functionKey());
    return h != null && h.socketIndex() == d.socketIndex() && h.messageIndex() == d.messageIndex() ? h : null;
  }

  /** Token uses inside the guards, or inside helpers the guards call (in any file), lie on the handshake path. */
  private void markTokenUses(SourceLocation declaration, List<GuardFact> facts, List<FunctionRef> helpers) {
    for (GuardFact g : facts) {
      JsFileAnalysis file = modules.file(g.region().path());
      if (file == null) {
        continue;
      }
      for (TokenUseFact u : file.tokenUses()) {
        if (g.region().contains(u.use().location())) {
          endpointOf.putIfAbsent(u, declaration);
        }
      }
    }
    Set<FunctionRef> visited = new HashSet<>();
    List<FunctionRef> queue = new ArrayList<>(helpers);
    while (!queue.isEmpty()) {
      FunctionRef ref = queue.remove(queue.size() - 1);
      if (!visited.add(ref) || visited.size() > 64) {
        continue;
      }
      Modules.Function fn = modules.function(ref);
      if (fn == null) {
        continue;
      }
      for (TokenUseFact u : Modules.usesIn(fn.file(), fn.summary().key())) {
        endpointOf.putIfAbsent(u, declaration);
      }
      queue.addAll(fn.summary().calls());
    }
  }

  private void reportUnresolved(JsFileAnalysis file) {
    for (Map.Entry<String, List<String>> entry : file.importCandidates().entrySet()) {
      if (modules.module(file.path(), entry.getKey()) == null) {
        context.notifications().accept(new Notification(UNRESOLVED_IMPORT, Level.NOTE, file.path(), 0,
            "'" + entry.getKey() + "' does not resolve to an analysed file; helpers imported from it are unknown"));
      }
    }
  }
}
