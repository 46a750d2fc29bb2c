package dev.wsguard.core.engine;

import static dev.wsguard.core.engine.TestFindings.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Model;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.HandlerCheck;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.SendCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleRunnerTest {
  private final List<Notification> notes = new ArrayList<>();

  @RuleInfo(id = "handlers-and-sends", summary = "Handlers and sends", cwe = 862, level = Level.WARNING,
      tags = {}, fix = FixKind.NONE, precision = Precision.HIGH, securitySeverity = "5.0")
  static final class HandlersAndSends implements HandlerCheck, SendCheck {
    @Override
    public void check(Endpoint endpoint, MessageHandler handler, Reporter report) {
      report.at(handler.location()).variant(FakeRules.Variant.SEEN, "handler " + handler.messageType()).emit();
    }

    @Override
    public void check(Endpoint endpoint, Send send, Reporter report) {
      report.at(send.location()).variant(FakeRules.Variant.SEEN, "send " + send.payload()).emit();
    }
  }

  private static Model model() {
    MessageHandler delete = new MessageHandler("delete", at("a.js", 5), "deletes", PermissionCheck.ABSENT, null,
        List.of());
    MessageHandler read = new MessageHandler("read", at("a.js", 6), null, PermissionCheck.UNKNOWN, null, List.of());
    Send send = new Send(at("a.js", 7), Audience.ALL_CONNECTIONS, Provenance.SENSITIVE, "users", null);
    Endpoint endpoint = new Endpoint(Framework.WS, Language.JAVASCRIPT, at("a.js", 2), List.of(), List.of(),
        Set.of(), OriginPolicy.anyByDefault("ws"), List.of(delete, read), List.of(send), Limits.NONE, List.of());
    Endpoint second = FakeFrontEnd.FakeAnalysis.endpoint(at("b.js", 1));
    TokenUse token = new TokenUse(at("c.js", 3), "jwt.decode", false, true, false, null, null);
    return new Model(List.of(new FileFacts("a.js", Language.JAVASCRIPT, List.of(endpoint), List.of()),
        new FileFacts("b.js", Language.JAVASCRIPT, List.of(second), List.of()),
        new FileFacts("c.js", Language.JAVASCRIPT, List.of(), List.of(token))));
  }

  private static List<String> summary(List<Finding> findings) {
    return findings.stream().map(f -> f.ruleId() + "@" + f.location() + " " + f.message()).toList();
  }

  @Test
  void callsEachCheckOncePerModelElement() {
    List<Finding> findings = new RuleRunner(List.of(new FakeRules.EveryEndpoint(), new HandlersAndSends(),
        new FakeRules.EveryToken()), notes::add).run(model());
    assertEquals(List.of(
        "every-endpoint@a.js:2:1 seen endpoint",
        "every-endpoint@b.js:1:1 seen endpoint",
        "handlers-and-sends@a.js:5:1 seen handler delete",
        "handlers-and-sends@a.js:6:1 seen handler read",
        "handlers-and-sends@a.js:7:1 seen send users",
        "every-token@c.js:3:1 seen token"), summary(findings));
    assertTrue(notes.isEmpty());
  }

  @Test
  void reportsARuleThatThrowsAndRunsTheOthers() {
    List<Finding> findings = new RuleRunner(List.of(new FakeRules.AlwaysThrows(), new FakeRules.EveryToken()),
        notes::add).run(model());
    assertEquals(List.of("every-token@c.js:3:1 seen token"), summary(findings));
    assertEquals(2, notes.size());
    Notification first = notes.get(0);
    assertEquals(NotificationIds.RULE_ERROR, first.id());
    assertEquals("a.js", first.path());
    assertEquals(2, first.line());
    assertEquals("rule always-throws failed on endpoint a.js:2:1: IllegalStateException: rule bug",
        first.message());
  }
}
