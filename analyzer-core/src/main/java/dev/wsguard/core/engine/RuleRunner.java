package dev.wsguard.core.engine;

import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Model;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.rule.EndpointCheck;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.FindingCollector;
import dev.wsguard.core.rule.HandlerCheck;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.core.rule.SendCheck;
import dev.wsguard.core.rule.TokenUseCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs each rule over the model, one call per model element the rule asks for: every endpoint, every (endpoint,
 * handler), every (endpoint, send), every token use. A rule that throws loses only that element's findings; the
 * failure is reported as {@code rule-error} at the element.
 */
final class RuleRunner {
  private final List<Rule> rules;
  private final Consumer<Notification> notifications;

  RuleRunner(List<Rule> rules, Consumer<Notification> notifications) {
    this.rules = List.copyOf(rules);
    this.notifications = notifications;
  }

  /** Findings in rule order, then model order; the scan sorts them afterwards. */
  List<Finding> run(Model model) {
    List<Endpoint> endpoints = model.endpoints();
    List<TokenUse> tokenUses = model.tokenUses();
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      FindingCollector collector = new FindingCollector(rule);
      if (rule instanceof EndpointCheck check) {
        for (Endpoint endpoint : endpoints) {
          guarded(rule, "endpoint " + endpoint.id(), endpoint.declaration(), () -> check.check(endpoint, collector));
        }
      }
      if (rule instanceof HandlerCheck check) {
        for (Endpoint endpoint : endpoints) {
          for (MessageHandler handler : endpoint.handlers()) {
            guarded(rule, "endpoint " + endpoint.id() + ", handler at " + handler.location(), handler.location(),
                () -> check.check(endpoint, handler, collector));
          }
        }
      }
      if (rule instanceof SendCheck check) {
        for (Endpoint endpoint : endpoints) {
          for (Send send : endpoint.sends()) {
            guarded(rule, "endpoint " + endpoint.id() + ", send at " + send.location(), send.location(),
                () -> check.check(endpoint, send, collector));
          }
        }
      }
      if (rule instanceof TokenUseCheck check) {
        for (TokenUse use : tokenUses) {
          guarded(rule, "token use at " + use.location(), use.location(), () -> check.check(use, collector));
        }
      }
      findings.addAll(collector.findings());
    }
    return findings;
  }

  private void guarded(Rule rule, String element, SourceLocation at, Runnable check) {
    try {
      check.run();
    } catch (RuntimeException | StackOverflowError e) {
      notifications.accept(new Notification(NotificationIds.RULE_ERROR, Level.ERROR, at.path(), at.startLine(),
          "rule " + rule.id() + " failed on " + element + ": " + Messages.oneLine(e)));
    }
  }
}
