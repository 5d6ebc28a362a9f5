package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.trialdex.core.model.Study;

/**
 * Compares a page's record with the registry's, field by field, after normalization: white space
 * collapsed, list markers and numbering of criteria dropped. Each field is either the same or a
 * listed discrepancy with both values given exactly.
 */
final class FieldComparison {

  private final Study page;
  private final Study registry;
  private final List<String> compared = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  FieldComparison(Study page, Study registry) {
    this.page = page;
    this.registry = registry;
  }

  /** The field reads the same on the page and in the registry. */
  FieldComparison same(String field, Function<Study, Object> get) {
    compared.add(field);
    Object p = norm(safe(get, page));
    Object r = norm(safe(get, registry));
    if (p == null) {
      problems.add(field + ": absent from the page record (registry: " + r + ")");
    } else if (!Objects.equals(p, r)) {
      problems.add(field + ": page " + p + " but registry " + r);
    }
    return this;
  }

  /** A real discrepancy between the page and the registry: both values exactly as read. */
  FieldComparison differs(String field, Function<Study, Object> get, Object onPage, Object inRegistry) {
    compared.add(field);
    Object p = norm(safe(get, page));
    Object r = norm(safe(get, registry));
    if (!Objects.equals(norm(onPage), p) || !Objects.equals(norm(inRegistry), r)) {
      problems.add(field + " (listed discrepancy): page " + p + " / registry " + r);
    }
    return this;
  }

  void check(List<String> fields) {
    assertEquals(List.of(), problems, "fields that differ");
    assertEquals(fields, compared);
  }

  private static Object safe(Function<Study, Object> get, Study s) {
    try {
      return get.apply(s);
    } catch (NullPointerException | IndexOutOfBoundsException absent) {
      return null;
    }
  }

  static Object norm(Object o) {
    if (o instanceof String s) {
      return s.replaceAll("\\s+", " ").strip();
    }
    if (o instanceof List<?> l) {
      return l.stream().map(FieldComparison::norm).toList();
    }
    if (o instanceof Enum<?> e) {
      return e.name();
    }
    return o;
  }

  /** Criteria text as its items: markers, numbers and blank lines dropped. */
  static List<String> items(String criteria) {
    if (criteria == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String line : criteria.split("\n")) {
      String t = line.strip().replaceFirst("^(\\*|-|•|\\d{1,3}[.)])\\s*", "").strip();
      if (!t.isEmpty()) {
        out.add(t.replaceAll("\\s+", " "));
      }
    }
    return out;
  }
}
