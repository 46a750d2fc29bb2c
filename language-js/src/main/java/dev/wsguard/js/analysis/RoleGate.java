package dev.wsguard.js.analysis;

import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.Term;
import java.util.ArrayList;
import java.util.List;

/** Handlers behind a handshake that admits only one role have had the user's permission checked already. */
public final class RoleGate {
  private RoleGate() {}

  /**
   * An endpoint whose handshake admits only some role ({@code if (user.role !== 'admin') deny()}) has checked the
   * user's permission for every message: handlers without a check of their own are covered by it.
   */
  public static List<MessageHandler> apply(List<GuardFact> guards, List<MessageHandler> handlers) {
    Term gate = null;
    for (GuardFact g : guards) {
      if (g.place() == GuardPlace.FIRST_MESSAGE || g.accepts().isEmpty()) {
        continue;
      }
      Term common = null;
      boolean all = true;
      for (PathFact p : g.accepts()) {
        Term role = p.terms().stream().filter(t -> t.kind() == Term.Kind.ROLE).findFirst().orElse(null);
        all &= role != null;
        common = common == null ? role : common;
      }
      if (all && common != null) {
        gate = common;
        break;
      }
    }
    if (gate == null) {
      return handlers;
    }
    List<MessageHandler> out = new ArrayList<>();
    for (MessageHandler h : handlers) {
      if (h.privileged() && h.permissionCheck() == PermissionCheck.ABSENT) {
        List<RelatedLocation> evidence = new ArrayList<>(h.evidence());
        evidence.add(new RelatedLocation(gate.evidence(), "only users passing " + gate.detail() + " can connect"));
        h = new MessageHandler(h.messageType(), h.location(), h.privilegedAction(), PermissionCheck.PRESENT, null,
            evidence);
      }
      out.add(h);
    }
    return out;
  }

}
