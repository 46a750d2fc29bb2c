package dev.wsguard.rules;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.HandlerCheck;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.Tag;

/** Flags message handlers that perform a privileged action without checking the connection's user. */
@RuleInfo(
    id = "missing-message-authz",
    summary = "WebSocket message handler performs a privileged action without checking the user's permission",
    cwe = 862,
    level = Level.WARNING,
    tags = {Tag.AUTHORIZATION},
    fix = FixKind.SUGGESTED,
    precision = Precision.MEDIUM,
    // CVSS 3.1 AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:N: any connected user changes or deletes what is not theirs; what
    // leaks back is incidental
    securitySeverity = "7.1")
public final class MissingMessageAuthz implements HandlerCheck {

  enum Variant implements MessageVariant {
    NO_PERMISSION_CHECK("{handler} {action} without checking that the connection's user may do so"),
    UNCHECKED_CLIENT_ID("{handler} {action} for {id} taken from the message, without comparing it to the"
        + " connection's user"),
    UNKNOWN_PERMISSION_CHECK("{handler} {action}, and wsguard cannot tell whether a check of the connection's user"
        + " guards it");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    @Override
    public String template() {
      return template;
    }
  }

  /** A role, ownership or per-message guard the front end found: the action is authorised as written. */
  private static boolean checked(MessageHandler handler) {
    return handler.permissionCheck() == PermissionCheck.PRESENT;
  }

  private static boolean undecided(MessageHandler handler) {
    return handler.permissionCheck() == PermissionCheck.UNKNOWN;
  }

  @Override
  public void check(Endpoint endpoint, MessageHandler handler, Reporter report) {
    if (!handler.privileged() || checked(handler)) {
      return;
    }
    String subject = subject(handler);
    Reporter.FindingBuilder finding = report.at(handler.location())
        .fix(new FixIntent.AddPermissionCheck(endpoint, handler));
    // An unreadable check may be the very comparison of the client-supplied id, so "unknown" outranks the id.
    if (undecided(handler)) {
      finding.variant(Variant.UNKNOWN_PERMISSION_CHECK, subject, handler.privilegedAction())
          .confidence(Confidence.MEDIUM);
    } else if (handler.clientSuppliedId() != null) {
      finding.variant(Variant.UNCHECKED_CLIENT_ID, subject, handler.privilegedAction(), handler.clientSuppliedId());
    } else {
      finding.variant(Variant.NO_PERMISSION_CHECK, subject, handler.privilegedAction());
    }
    handler.evidence().forEach(finding::related);
    finding.emit();
  }

  private static String subject(MessageHandler handler) {
    return handler.messageType() == null
        ? "The message handler"
        : "The handler for '" + handler.messageType() + "'";
  }
}
