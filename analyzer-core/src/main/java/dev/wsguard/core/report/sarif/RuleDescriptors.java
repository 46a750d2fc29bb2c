package dev.wsguard.core.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsguard.core.report.ReportJson;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The SARIF {@code reportingDescriptor} of each rule, generated from its {@link RuleInfo} and docs page so that the
 * metadata lives in one place (STYLE.md B.1).
 */
public final class RuleDescriptors {
  private final List<Rule> rules;
  private final Map<String, Integer> indexes = new HashMap<>();

  public RuleDescriptors(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (int i = 0; i < this.rules.size(); i++) {
      indexes.putIfAbsent(this.rules.get(i).id(), i);
    }
  }

  /** The rule's position in {@code tool.driver.rules}; empty when the rule did not run. */
  public OptionalInt indexOf(String ruleId) {
    Integer index = indexes.get(ruleId);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** {@code tool.driver.rules}, in the order the rules were given. */
  public ArrayNode toJson() {
    ArrayNode array = ReportJson.array();
    for (Rule rule : rules) {
      array.add(descriptor(rule));
    }
    return array;
  }

  static ObjectNode descriptor(Rule rule) {
    RuleInfo info = rule.info();
    String docs = rule.docs();
    ObjectNode node = ReportJson.object();
    node.put("id", info.id());
    node.put("name", rule.getClass().getSimpleName());
    node.putObject("shortDescription").put("text", info.summary());
    String paragraph = firstParagraph(docs);
    node.putObject("fullDescription").put("text", paragraph.isEmpty() ? info.summary() : paragraph);
    ObjectNode help = node.putObject("help");
    help.put("text", docs);
    help.put("markdown", docs);
    // no helpUri: the docs page travels inside help.markdown, and wsguard publishes no docs site to link to
    node.putObject("defaultConfiguration").put("level", info.level().sarif());
    ObjectNode properties = node.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    tags.add("security");
    tags.add("external/cwe/cwe-" + info.cwe());
    for (Tag tag : info.tags()) {
      tags.add(tag.token());
    }
    properties.put("precision", info.precision().token());
    properties.put("security-severity", info.securitySeverity());
    return node;
  }

  /**
   * The first paragraph after the page's {@code # title}, its lines joined by spaces; empty when the page has no
   * text before its first heading or code block.
   */
  static String firstParagraph(String markdown) {
    List<String> lines = markdown.lines().toList();
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i < lines.size() && lines.get(i).startsWith("# ")) {
      i++;
    }
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    StringBuilder paragraph = new StringBuilder();
    for (; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("```")) {
        break;
      }
      if (paragraph.length() > 0) {
        paragraph.append(' ');
      }
      paragraph.append(line);
    }
    return paragraph.toString();
  }
}
