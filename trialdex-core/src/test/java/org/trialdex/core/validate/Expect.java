package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Exact-result assertions on reports: each finding as {@code "rule at path"}, in order. */
final class Expect {

  private Expect() {}

  static void findings(ValidationReport report, String... expected) {
    assertEquals(List.of(expected), report.findings().stream().map(f -> f.rule() + " at " + f.path()).toList(),
        () -> "full report:\n" + String.join("\n", report.findings().stream().map(Finding::toString).toList()));
  }

  static Finding only(ValidationReport report) {
    assertEquals(1, report.findings().size(), () -> "expected one finding, got " + report.findings());
    return report.findings().get(0);
  }
}
