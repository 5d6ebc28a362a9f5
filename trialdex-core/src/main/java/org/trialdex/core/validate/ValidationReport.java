package org.trialdex.core.validate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings of {@link StudyValidator} for one record, in rule order. An empty report is a clean
 * record. A report is information for operators; nothing in trialdex refuses a record because of
 * it.
 *
 * @param findings every finding, in the order the rules ran
 */
public record ValidationReport(List<Finding> findings) {

  public ValidationReport {
    findings = List.copyOf(findings);
  }

  /** True when no rule found anything, not even an {@link Severity#INFO}. */
  public boolean isClean() {
    return findings.isEmpty();
  }

  /** The findings of {@link Severity#ERROR}. */
  public List<Finding> errors() {
    return withSeverity(Severity.ERROR);
  }

  /** The findings of {@link Severity#WARNING}. */
  public List<Finding> warnings() {
    return withSeverity(Severity.WARNING);
  }

  /** The findings of one severity, in order. */
  public List<Finding> withSeverity(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }

  /** The findings of one rule id, in order. */
  public List<Finding> ofRule(String rule) {
    return findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** How many findings each rule produced, by rule id in alphabetical order. */
  public Map<String, Integer> countByRule() {
    Map<String, Integer> counts = new TreeMap<>();
    findings.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
    return counts;
  }
}
