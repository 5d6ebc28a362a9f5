package org.trialdex.core.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.PartialDate;

/**
 * Whether a lower-ranked source says the same as the chosen one about a unit, and if not, where it
 * differs. Presentation never makes a difference: texts are compared in their {@link TextForm},
 * numbers by value, dates at the precision both give ({@code 2016-01} agrees with
 * {@code 2016-01-01}), ages by length ({@code 1 Year} agrees with {@code 12 Months}), lists of
 * values as sets.
 *
 * <p>Objects are compared only on the members both sides have, so a page that leaves out a
 * location's zip code does not differ. Lists of objects are matched element by element by a key
 * per kind ({@link #KEYS}); each element the other source shows must have a match in the chosen
 * one. Elements the other source leaves out are no difference: pages show some locations, not all.
 */
final class Equivalence {

  private Equivalence() {}

  /** Key members of list elements, by the list's member name. */
  static final Map<String, List<String>> KEYS = Map.ofEntries(
      Map.entry("locations", List.of("facility", "city", "country")),
      Map.entry("primaryOutcomes", List.of("measure")),
      Map.entry("secondaryOutcomes", List.of("measure")),
      Map.entry("otherOutcomes", List.of("measure")),
      Map.entry("armGroups", List.of("label")),
      Map.entry("interventions", List.of("type", "name")),
      Map.entry("overallOfficials", List.of("name")),
      Map.entry("centralContacts", List.of("name")),
      Map.entry("contacts", List.of("name")),
      Map.entry("collaborators", List.of("name")),
      Map.entry("secondaryIdInfos", List.of("id")),
      Map.entry("references", List.of("pmid", "citation")),
      Map.entry("seeAlsoLinks", List.of("url")));

  /** How {@code other} differs from {@code chosen} at a unit whose member name is {@code name}. */
  static List<Difference> differences(String name, JsonNode chosen, JsonNode other) {
    List<Difference> out = new ArrayList<>();
    compare(name, "", chosen, other, out);
    return out;
  }

  static boolean empty(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank())
        || (n.isContainerNode() && n.isEmpty());
  }

  private static void compare(String name, String where, JsonNode a, JsonNode b, List<Difference> out) {
    if (empty(a) || empty(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        compare(member.getKey(), join(where, member.getKey()), a.get(member.getKey()), member.getValue(), out);
      }
    } else if (a.isArray() && b.isArray() && (hasObject(a) || hasObject(b))) {
      compareElements(name, where, a, b, out);
    } else if (a.isArray() && b.isArray()) {
      if (!normalizedSet(name, a).equals(normalizedSet(name, b))) {
        out.add(new Difference(where, Rendering.of(a), Rendering.of(b)));
      }
    } else if (!a.isContainerNode() && !b.isContainerNode()) {
      if (!sameValue(name, a, b)) {
        out.add(new Difference(where, Rendering.of(a), Rendering.of(b)));
      }
    } else if (!TextForm.of(Rendering.of(a)).equals(TextForm.of(Rendering.of(b)))) {
      out.add(new Difference(where, Rendering.of(a), Rendering.of(b)));
    }
  }

  /** Each element of {@code b} must match one of {@code a}: by key when its kind has one, else whole. */
  private static void compareElements(String name, String where, JsonNode a, JsonNode b, List<Difference> out) {
    List<String> keyFields = KEYS.getOrDefault(name, List.of());
    String base = where.isEmpty() ? name : where;
    List<Map<String, String>> aKeys = new ArrayList<>(a.size());
    for (JsonNode x : a) {
      aKeys.add(keyOf(x, keyFields));
    }
    for (int i = 0; i < b.size(); i++) {
      JsonNode e = b.get(i);
      if (empty(e)) {
        continue;
      }
      Map<String, String> eKey = keyOf(e, keyFields);
      String label = eKey.isEmpty() ? base + "[" + i + "]" : base + "[" + Difference.quote(Rendering.label(e, keyFields)) + "]";
      List<Difference> firstCandidate = null;
      boolean matched = false;
      for (int j : candidateOrder(i, a.size())) {
        if (!eKey.isEmpty() && !keysAgree(aKeys.get(j), eKey)) {
          continue;
        }
        List<Difference> diffs = new ArrayList<>();
        compare(name, label, a.get(j), e, diffs);
        if (diffs.isEmpty()) {
          matched = true;
          break;
        }
        if (firstCandidate == null && !eKey.isEmpty()) {
          firstCandidate = diffs;
        }
      }
      if (!matched) {
        if (firstCandidate != null) {
          out.addAll(firstCandidate);
        } else {
          out.add(new Difference(base, null, eKey.isEmpty() ? Rendering.of(e) : Rendering.label(e, keyFields)));
        }
      }
    }
  }

  /** The same index first (lists usually agree in order), then the others. */
  private static int[] candidateOrder(int i, int size) {
    int[] order = new int[size];
    int n = 0;
    if (i < size) {
      order[n++] = i;
    }
    for (int j = 0; j < size; j++) {
      if (j != i) {
        order[n++] = j;
      }
    }
    return order;
  }

  private static Map<String, String> keyOf(JsonNode element, List<String> keyFields) {
    Map<String, String> key = new LinkedHashMap<>();
    if (element.isObject()) {
      for (String f : keyFields) {
        JsonNode v = element.get(f);
        if (!empty(v) && !v.isContainerNode()) {
          key.put(f, TextForm.of(v.asText()));
        }
      }
    }
    return key;
  }

  /** Keys agree when they share a member and agree on every member both have. */
  private static boolean keysAgree(Map<String, String> a, Map<String, String> b) {
    boolean shared = false;
    for (Map.Entry<String, String> e : b.entrySet()) {
      String mine = a.get(e.getKey());
      if (mine != null) {
        if (!mine.equals(e.getValue())) {
          return false;
        }
        shared = true;
      }
    }
    return shared;
  }

  private static boolean hasObject(JsonNode array) {
    for (JsonNode e : array) {
      if (e.isContainerNode()) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> normalizedSet(String name, JsonNode array) {
    Set<String> set = new LinkedHashSet<>();
    for (JsonNode e : array) {
      if (!empty(e)) {
        set.add(TextForm.of(e.asText()));
      }
    }
    return set;
  }

  static boolean sameValue(String name, JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    String x = a.asText();
    String y = b.asText();
    if (name.endsWith("Date") || name.equals("date")) {
      Optional<PartialDate> p = PartialDate.parse(x);
      Optional<PartialDate> q = PartialDate.parse(y);
      if (p.isPresent() && q.isPresent()) {
        return agree(p.get(), q.get());
      }
    }
    if (name.endsWith("Age")) {
      if (Age.meansNoLimit(x) && Age.meansNoLimit(y)) {
        return true;
      }
      Optional<Age> p = Age.parse(x);
      Optional<Age> q = Age.parse(y);
      if (p.isPresent() && q.isPresent()) {
        return Math.abs(p.get().days() - q.get().days()) < 1e-6;
      }
    }
    return TextForm.of(x).equals(TextForm.of(y));
  }

  /** Two dates agree when they are equal at the precision both give. */
  private static boolean agree(PartialDate p, PartialDate q) {
    return p.year() == q.year()
        && (!p.hasMonth() || !q.hasMonth() || p.month() == q.month())
        && (!p.hasDay() || !q.hasDay() || p.day() == q.day());
  }

  private static String join(String where, String member) {
    return where.isEmpty() ? member : where + "." + member;
  }
}
