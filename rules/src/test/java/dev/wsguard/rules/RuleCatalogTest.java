package dev.wsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wsguard.core.rule.EndpointCheck;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.HandlerCheck;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.SendCheck;
import dev.wsguard.core.rule.TokenUseCheck;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lints the rules themselves (STYLE.md section E): metadata, naming, docs pages, messages and the catalogue. */
class RuleCatalogTest {
  private static final String PACKAGE = "dev.wsguard.rules";
  private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");
  private static final Pattern MARKDOWN = Pattern.compile("[`*_#\\[\\]<>|]");
  private static final Pattern SEVERITY = Pattern.compile("\\d{1,2}(\\.\\d)?");
  private static final Pattern EXAMPLE_FENCE = Pattern.compile("```[a-z]+ (incorrect|correct)");
  /** STYLE.md section F, in order; the first two are mandatory, Fix too when the rule offers patches. */
  private static final List<String> HEADINGS = List.of(
      "What it flags", "Why it matters", "Examples", "Fix", "Known limitations", "Suppressing", "References");
  private static final List<Class<?>> CHECKS =
      List.of(EndpointCheck.class, HandlerCheck.class, SendCheck.class, TokenUseCheck.class);

  static Stream<Named<Rule>> rules() {
    return Rules.ALL.stream().map(r -> Named.of(r.getClass().getSimpleName(), r));
  }

  private static RuleInfo info(Rule rule) {
    RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
    assertNotNull(info, rule.getClass().getName() + " has no @RuleInfo");
    return info;
  }

  @ParameterizedTest
  @MethodSource("rules")
  void hasRuleInfoAndImplementsACheck(Rule rule) {
    info(rule);
    assertTrue(CHECKS.stream().anyMatch(c -> c.isInstance(rule)), "implements none of " + CHECKS);
    assertTrue(Modifier.isFinal(rule.getClass().getModifiers()), "rule classes are final");
  }

  @ParameterizedTest
  @MethodSource("rules")
  void idIsTheKebabFormOfTheClassName(Rule rule) {
    String id = info(rule).id();
    assertTrue(KEBAB.matcher(id).matches(), id + " is not kebab-case");
    String kebab = rule.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    assertEquals(kebab, id);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void summaryIsOneSentenceWithoutTrailingPeriodOrMarkdown(Rule rule) {
    String summary = info(rule).summary();
    assertFalse(summary.isBlank());
    assertTrue(Character.isUpperCase(summary.charAt(0)), "sentence case: " + summary);
    assertFalse(summary.endsWith("."), "trailing period: " + summary);
    assertFalse(MARKDOWN.matcher(summary).find(), "Markdown in: " + summary);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void hasCweLevelTagsAndASecuritySeverityFromZeroToTen(Rule rule) {
    RuleInfo info = info(rule);
    assertTrue(info.cwe() > 0, "cwe not set");
    assertNotEquals(Level.NONE, info.level());
    assertTrue(info.tags().length > 0, "no tags");
    String severity = info.securitySeverity();
    assertTrue(SEVERITY.matcher(severity).matches(), "not a score: " + severity);
    double score = Double.parseDouble(severity);
    assertTrue(score >= 0 && score <= 10, "out of 0..10: " + severity);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void docsPageHasTheIdAsTitleThenTheSummary(Rule rule) {
    RuleInfo info = info(rule);
    String resource = "/wsguard/rules/docs/" + info.id() + ".md";
    assertNotNull(rule.getClass().getResource(resource), "missing docs page " + resource);
    List<String> lines = rule.docs().lines().toList();
    assertEquals("# " + info.id(), lines.get(0));
    // the first paragraph is the summary: SARIF fullDescription and `wsguard rules` read it
    List<String> paragraph = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() && !paragraph.isEmpty()) {
        break;
      }
      if (!line.isBlank()) {
        paragraph.add(line.strip());
      }
    }
    assertEquals(info.summary(), String.join(" ", paragraph));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void docsPageHasTheMandatoryHeadingsInTheFixedOrder(Rule rule) {
    List<String> headings = headings(rule.docs());
    List<String> mandatory = new ArrayList<>(List.of("What it flags", "Why it matters"));
    if (info(rule).fix() == FixKind.SUGGESTED) {
      mandatory.add("Fix");
    }
    assertTrue(headings.containsAll(mandatory), "missing one of " + mandatory + " in " + headings);
    int last = -1;
    for (String heading : headings) {
      int at = HEADINGS.indexOf(heading);
      assertTrue(at >= 0, "unknown heading '## " + heading + "'; allowed: " + HEADINGS);
      assertTrue(at > last, "heading '## " + heading + "' out of order or repeated in " + headings);
      last = at;
    }
  }

  @ParameterizedTest
  @MethodSource("rules")
  void docsPageHasAnIncorrectAndACorrectExample(Rule rule) {
    Set<String> kinds = rule.docs().lines()
        .map(line -> EXAMPLE_FENCE.matcher(line.strip()))
        .filter(Matcher::matches)
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
    assertEquals(Set.of("incorrect", "correct"), kinds);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void everyMessageVariantHasATemplateWithoutTrailingPeriod(Rule rule) {
    List<MessageVariant> variants = Arrays.stream(rule.getClass().getDeclaredClasses())
        .filter(c -> c.isEnum() && MessageVariant.class.isAssignableFrom(c))
        .flatMap(c -> Arrays.stream(c.getEnumConstants()))
        .map(MessageVariant.class::cast)
        .toList();
    assertFalse(variants.isEmpty(), "no message variant enum");
    for (MessageVariant v : variants) {
      String template = v.template();
      assertFalse(template == null || template.isBlank(), v.name() + " has no template");
      assertFalse(template.endsWith("."), v.name() + " ends with a period");
      assertTrue(placeholdersBalanced(template), v.name() + " has unbalanced braces: " + template);
    }
  }

  @Test
  void catalogueIsSortedByIdWithoutDuplicates() {
    List<String> ids = Rules.ALL.stream().map(r -> info(r).id()).toList();
    assertEquals(ids.stream().sorted().toList(), ids, "Rules.ALL must be sorted by id");
    assertEquals(new HashSet<>(ids).size(), ids.size(), "duplicate ids in " + ids);
  }

  @Test
  void everyRuleClassInThePackageIsInTheCatalogue() throws IOException, URISyntaxException {
    Set<Class<?>> listed = Rules.ALL.stream().map(Object::getClass).collect(Collectors.toSet());
    List<Class<?>> found = ruleClassesInPackage();
    // the scan itself must see the listed rules, or it proves nothing
    assertTrue(found.containsAll(listed), "scan found " + found + " but not all of " + listed);
    List<Class<?>> missing = found.stream().filter(c -> !listed.contains(c)).toList();
    assertEquals(List.of(), missing, "Rule implementations missing from Rules.ALL");
  }

  /** Lists the compiled classes of the package, from the classes folder or the jar Rules was loaded from. */
  private static List<Class<?>> ruleClassesInPackage() throws IOException, URISyntaxException {
    Path origin = Path.of(Rules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(origin)) {
      return ruleClassesUnder(origin);
    }
    try (FileSystem jar = FileSystems.newFileSystem(origin)) {
      return ruleClassesUnder(jar.getPath("/"));
    }
  }

  private static List<Class<?>> ruleClassesUnder(Path root) throws IOException {
    Path dir = root.resolve(PACKAGE.replace('.', '/'));
    List<Class<?>> rules = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String simple = file.getFileName().toString().replace(".class", "");
        Class<?> type = load(PACKAGE + "." + simple);
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        if (concrete && Rule.class.isAssignableFrom(type)) {
          rules.add(type);
        }
      }
    }
    return rules;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, RuleCatalogTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return fail("cannot load " + name, e);
    }
  }

  /** The level-two headings outside fenced code blocks. */
  private static List<String> headings(String markdown) {
    List<String> headings = new ArrayList<>();
    boolean inFence = false;
    for (String line : markdown.lines().toList()) {
      if (line.startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence && line.startsWith("## ")) {
        headings.add(line.substring(3).strip());
      }
    }
    return headings;
  }

  private static boolean placeholdersBalanced(String template) {
    int depth = 0;
    for (char c : template.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth < 0 || depth > 1) {
        return false;
      }
    }
    return depth == 0;
  }
}
