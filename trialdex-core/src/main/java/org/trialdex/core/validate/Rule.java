package org.trialdex.core.validate;

import java.util.List;
import java.util.function.Consumer;
import org.trialdex.core.view.StudyModules;

/**
 * One named check: a stable id, the severity of what it finds, and the check itself. Each kind of
 * rule lives in its own class ({@link RequiredRules}, {@link LengthRules}, {@link ValueRules},
 * {@link ConsistencyRules}) as a list of these.
 */
record Rule(String id, Severity severity, Check check) {

  /** Looks at one record and reports each problem at a path. */
  @FunctionalInterface
  interface Check {
    void apply(StudyModules study, Report report);
  }

  /** Where a check puts what it found; the rule adds its id and severity. */
  @FunctionalInterface
  interface Report {
    void at(String path, String message);
  }

  static Rule error(String id, Check check) {
    return new Rule(id, Severity.ERROR, check);
  }

  static Rule warning(String id, Check check) {
    return new Rule(id, Severity.WARNING, check);
  }

  void apply(StudyModules study, Consumer<Finding> out) {
    check.apply(study, (path, message) -> out.accept(new Finding(severity, id, path, message)));
  }

  /** Quotes a value for a message, shortened so a 30,000-character description stays readable. */
  static String quote(String value) {
    if (value == null) {
      return "absent";
    }
    String v = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    return "\"" + v + "\"";
  }

  static <T> List<T> list(List<T> maybe) {
    return maybe == null ? List.of() : maybe;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
