package dev.wsguard.core.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsguard.core.report.SampleScan;
import dev.wsguard.core.rule.Rule;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RuleDescriptorsTest {
  private final Rule upgradeAuth = new SampleScan.SampleUpgradeAuth();
  private final Rule broadcast = new SampleScan.SampleBroadcast();

  @Test
  void describesRuleFromItsInfoAndDocsPage() {
    JsonNode node = RuleDescriptors.descriptor(upgradeAuth);
    assertEquals("sample-upgrade-auth", node.get("id").asText());
    assertEquals("SampleUpgradeAuth", node.get("name").asText());
    assertEquals("Sample endpoint accepts connections without authenticating the handshake",
        node.at("/shortDescription/text").asText());
    assertEquals("Sample endpoint accepts connections without authenticating the handshake. "
        + "This page is a test resource of the report writers, not a real rule.",
        node.at("/fullDescription/text").asText());
    assertEquals(upgradeAuth.docs(), node.at("/help/text").asText());
    assertEquals(upgradeAuth.docs(), node.at("/help/markdown").asText());
    assertTrue(node.path("helpUri").isMissingNode(), "no docs site to link to: the page is in help");
    assertEquals("error", node.at("/defaultConfiguration/level").asText());
    assertEquals("high", node.at("/properties/precision").asText());
    assertEquals("9.1", node.at("/properties/security-severity").asText());
  }

  @Test
  void tagsEveryRuleAsSecurityWithItsCweFirst() {
    JsonNode tags = RuleDescriptors.descriptor(broadcast).at("/properties/tags");
    assertEquals(List.of("security", "external/cwe/cwe-200", "data-exposure", "cswsh"),
        List.of(tags.get(0).asText(), tags.get(1).asText(), tags.get(2).asText(), tags.get(3).asText()));
    assertEquals(4, tags.size());
  }

  @Test
  void fallsBackToSummaryWhenDocsPageHasNoParagraphBeforeItsFirstHeading() {
    JsonNode node = RuleDescriptors.descriptor(broadcast);
    assertEquals("Sample send reaches every connection", node.at("/fullDescription/text").asText());
  }

  @Test
  void firstParagraphJoinsLinesAfterTheTitle() {
    assertEquals("One two. Three.", RuleDescriptors.firstParagraph("\n# id\n\nOne two.\n  Three.\n\nNext.\n"));
  }

  @Test
  void firstParagraphStopsAtHeadingOrCodeBlock() {
    assertEquals("Text.", RuleDescriptors.firstParagraph("# id\nText.\n## What it flags\nMore.\n"));
    assertEquals("Text.", RuleDescriptors.firstParagraph("# id\nText.\n```js\ncode();\n```\n"));
    assertEquals("", RuleDescriptors.firstParagraph("# id\n\n## What it flags\n"));
  }

  @Test
  void indexesRulesInTheOrderGiven() {
    RuleDescriptors descriptors = new RuleDescriptors(List.of(upgradeAuth, broadcast));
    assertEquals(OptionalInt.of(0), descriptors.indexOf("sample-upgrade-auth"));
    assertEquals(OptionalInt.of(1), descriptors.indexOf("sample-broadcast"));
    assertTrue(descriptors.indexOf("missing-upgrade-auth").isEmpty());
    assertEquals(List.of("sample-upgrade-auth", "sample-broadcast"), descriptors.toJson().findValuesAsText("id"));
  }
}
