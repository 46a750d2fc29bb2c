package dev.wsguard.js.link;

import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.JsFileAnalysis;
import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.SummaryFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's own credential checks that a patch can call: functions a module exports which, judged as the
 * recognisers judge an imported helper guarding a handshake, verify a credential (and throw or return something
 * falsy when it fails), take the token or the upgrade request as their one argument, and give back on success a
 * value built from the verified credential (the claims, the user). Class methods are left out: a patch would need an
 * instance of the class, which only the framework that injects it can supply.
 */
final class ExportedVerifiers {
  private static final int MAX_DEPTH = 6;

  private final Modules modules;
  private final Verdicts verdicts;

  ExportedVerifiers(Modules modules, Verdicts verdicts) {
    this.modules = modules;
    this.verdicts = verdicts;
  }

  /** The verifiers a file exports, by export name. */
  List<Verifier> in(JsFileAnalysis file) {
    List<Verifier> out = new ArrayList<>();
    for (Map.Entry<String, ExportFact> e : new TreeMap<>(file.exports()).entrySet()) {
      ExportFact export = e.getValue();
      String name = e.getKey();
      if (export.isReexport() || export.functionKey() == null || name.contains(".")) {
        continue;
      }
      SummaryFact s = file.summaries().get(export.functionKey());
      Verifier v = s == null ? null : verifier(file, name, s);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  private Verifier verifier(JsFileAnalysis file, String name, SummaryFact s) {
    if (s.input() == null || Verdicts.rejectsEverything(s)) {
      return null; // no one-argument call shape, or a stub that answers no to everyone: nothing to wire a patch to
    }
    Verdicts.Verdict verdict = verdicts.of(FunctionRef.local(file.path(), s.key()));
    if (verdict.strength() != Strength.VERIFIED) {
      return null; // decodes only, lets a failure through, or checks nothing
    }
    boolean succeeds = false;
    for (SummaryFact.Exit exit : s.exits()) {
      if (exit.kind() == SummaryFact.ExitKind.RETURN_TRUTHY || exit.kind() == SummaryFact.ExitKind.RETURN_RESULT) {
        if (exit.result() == null) {
          return null; // a success that hands back something other than the credential's owner (true, a constant)
        }
        succeeds = true;
      }
    }
    if (!succeeds) {
      return null;
    }
    // THROWS only when it never answers no by returning: a caller must test the result of any other, and should
    // still catch (if (!token) return null; return jwt.verify(token, key) does both)
    Verifier.Failure failure = verdict.mode() == Verdicts.Mode.THROWS
        ? Verifier.Failure.THROWS : Verifier.Failure.RETURNS_FALSY;
    return new Verifier(name, null, s.location(), s.input(), failure, mayReturnPromise(s, 0), false);
  }

  /** True unless the function, and every helper whose result it returns, plainly returns no promise. */
  private boolean mayReturnPromise(SummaryFact s, int depth) {
    if (s.mayReturnPromise()) {
      return true;
    }
    for (FunctionRef ref : s.returnedHelpers()) {
      Modules.Function fn = modules.function(ref);
      if (fn == null || depth >= MAX_DEPTH || mayReturnPromise(fn.summary(), depth + 1)) {
        return true;
      }
    }
    return false;
  }
}
