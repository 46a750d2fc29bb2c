package dev.wsguard.rules;

import static dev.wsguard.rules.Facts.endpoint;
import static dev.wsguard.rules.Facts.findings;
import static dev.wsguard.rules.Facts.handler;
import static dev.wsguard.rules.Facts.line;
import static dev.wsguard.rules.Facts.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingMessageAuthzTest {
  private final MissingMessageAuthz rule = new MissingMessageAuthz();
  private final Endpoint endpoint = endpoint().authenticatedByQueryToken().build();

  private List<Finding> run(MessageHandler handler) {
    return findings(rule, r -> rule.check(endpoint, handler, r));
  }

  private Finding only(MessageHandler handler) {
    return single(run(handler));
  }

  @Test
  void ignoresHandlerWithoutPrivilegedAction() {
    assertEquals(List.of(), run(handler(null, PermissionCheck.ABSENT, "msg.id", 30)));
  }

  @Test
  void ignoresPrivilegedHandlerWithAPermissionCheck() {
    assertEquals(List.of(), run(handler("deletes a document", PermissionCheck.PRESENT, "msg.id", 30)));
  }

  @Test
  void reportsPrivilegedHandlerWithoutACheckAtTheHandler() {
    MessageHandler handler = handler("deletes a document", PermissionCheck.ABSENT, null, 30);
    Finding f = only(handler);
    assertEquals("missing-message-authz", f.ruleId());
    assertEquals("no-permission-check", f.variant());
    assertEquals(Level.WARNING, f.level());
    assertEquals(Confidence.HIGH, f.confidence());
    assertEquals(line(30), f.location());
    assertEquals("The handler for 'delete-doc' deletes a document without checking that the connection's user may"
        + " do so", f.message());
    FixIntent.AddPermissionCheck intent = assertInstanceOf(FixIntent.AddPermissionCheck.class, f.fixIntent());
    assertSame(handler, intent.handler());
    assertSame(endpoint, intent.endpoint());
  }

  @Test
  void reportsAClientSuppliedIdActedOnWithoutComparison() {
    Finding f = only(handler("updates a user's status", PermissionCheck.ABSENT, "msg.userId", 30));
    assertEquals("unchecked-client-id", f.variant());
    assertEquals("The handler for 'delete-doc' updates a user's status for msg.userId taken from the message,"
        + " without comparing it to the connection's user", f.message());
  }

  @Test
  void reportsUnknownCheckWithMediumConfidence() {
    Finding f = only(handler("deletes a document", PermissionCheck.UNKNOWN, "msg.id", 30));
    assertEquals("unknown-permission-check", f.variant());
    assertEquals(Confidence.MEDIUM, f.confidence());
  }

  @Test
  void reportsAHandlerForEveryMessageWithoutNamingAType() {
    MessageHandler any = new MessageHandler(null, line(30), "restarts a service", PermissionCheck.ABSENT, null,
        List.of());
    assertEquals("The message handler restarts a service without checking that the connection's user may do so",
        only(any).message());
  }

  @Test
  void reportsTheHandlerEvidenceAsRelated() {
    RelatedLocation call = new RelatedLocation(line(32), "documents.remove(msg.id)");
    MessageHandler handler = new MessageHandler("delete-doc", line(30), "deletes a document",
        PermissionCheck.ABSENT, null, List.of(call));
    assertEquals(List.of(call), only(handler).related());
  }
}
