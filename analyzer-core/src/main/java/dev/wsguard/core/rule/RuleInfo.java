package dev.wsguard.core.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** All of a rule's metadata, on the rule class and nowhere else. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Kebab-case id: the SARIF ruleId, the suppression name and the docs file name. */
  String id();

  /** One sentence, sentence case, no trailing period, no Markdown. */
  String summary();

  int cwe();

  Level level();

  Tag[] tags();

  FixKind fix();

  Precision precision();

  /** GitHub's security-severity, a CVSS-like score from 0.0 to 10.0. */
  String securitySeverity();
}
