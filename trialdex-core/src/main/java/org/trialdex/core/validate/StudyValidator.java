package org.trialdex.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.trialdex.core.model.Study;
import org.trialdex.core.view.StudyModules;

/**
 * Checks one {@link Study} against the ClinicalTrials.gov PRS data element definitions and reports
 * what it finds. A report, never a gate: {@link #validate} never throws, and callers store the
 * record whatever the report says.
 *
 * <p>The rules are of four kinds: required elements missing ({@code required.*}), PRS length limits
 * exceeded ({@code length.*}), impossible values ({@code value.*}) and structured fields that
 * contradict each other ({@code consistency.*}). {@link #ruleIds()} lists them all. The validator
 * holds no state and is safe to share between threads.
 */
public final class StudyValidator {

  /** Rule id of the finding that replaces a rule which failed on a record (a bug in trialdex). */
  public static final String RULE_FAILED = "validator.rule-failed";

  private final List<Rule> rules;

  /** A validator with every rule of this package. */
  public StudyValidator() {
    this(Stream.of(RequiredRules.ALL, LengthRules.ALL, ValueRules.ALL, ConsistencyRules.ALL)
        .flatMap(List::stream)
        .toList());
  }

  /** A validator with the given rules only, for tests of the validator itself. */
  StudyValidator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * The findings for {@code study}, in rule order; empty for a clean record. Never throws: a
   * {@code null} study is reported as missing everything, and a rule that fails on a record is
   * reported as one {@link #RULE_FAILED} finding naming the rule, while the other rules still run.
   */
  public ValidationReport validate(Study study) {
    StudyModules sections = StudyModules.of(study);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      try {
        rule.apply(sections, findings::add);
      } catch (RuntimeException bug) {
        findings.add(new Finding(Severity.ERROR, RULE_FAILED, "",
            "rule " + rule.id() + " failed on this record with " + bug
                + "; the record is fine to store, please report the rule with its NCT id"));
      }
    }
    return new ValidationReport(findings);
  }

  /** Every rule id this validator can report, in the order the rules run. */
  public List<String> ruleIds() {
    return rules.stream().map(Rule::id).toList();
  }
}
