package org.trialdex.ingest.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recovers which arm uses which intervention from the two flattened views of the classic export.
 *
 * <p>v2 records one relation twice: each arm lists its interventions ({@code "Biological: MSC"},
 * type and name) and each intervention lists its arm labels. The classic export concatenates
 * each view across its parents: {@code ArmGroupInterventionName} arm by arm, and
 * {@code InterventionArmGroupLabel} intervention by intervention. A split is a relation between
 * arms and interventions that gives back both lists exactly, where
 * <ul>
 *   <li>each arm's run of names lists distinct interventions in intervention order (true of all
 *       85 v2 sample studies that have both arms and interventions), and</li>
 *   <li>each intervention's run of labels lists its arms in any order (the export sorts them by
 *       text, not by arm: 179 runs in the MSC file and 6 of the v2 sample differ from arm
 *       order), so a run is compared as a multiset.</li>
 * </ul>
 * An arm or an intervention may have an empty run. Only a relation that is the one split is
 * applied; when none or several fit, nothing is guessed.
 *
 * <p>The search tries arms in order, each taking the next names of the arm list, and prunes on
 * how often each label occurs in the intervention list (an arm with a unique label takes exactly
 * that many interventions). It stops at the second split and after {@link #MAX_STEPS} steps, so a
 * pathological record cannot hang the reader; the MSC file needs at most about 2,200.
 */
final class ArmInterventionSplit {

  /** Steps after which the search gives up: far above what real records need. */
  static final int MAX_STEPS = 100_000;

  /** What the search found. */
  sealed interface Result {
    /**
     * The one relation that fits.
     *
     * @param interventionNames per arm, its run of {@code ArmGroupInterventionName}, as written
     * @param armGroupLabels per intervention, its run of {@code InterventionArmGroupLabel}, as written
     */
    record Unique(List<List<String>> interventionNames, List<List<String>> armGroupLabels) implements Result {
      public Unique {
        interventionNames = interventionNames.stream().map(List::copyOf).toList();
        armGroupLabels = armGroupLabels.stream().map(List::copyOf).toList();
      }
    }

    /** No relation fits; {@code why} says which check failed first. */
    record None(String why) implements Result {}

    /** At least two relations fit. */
    record Several() implements Result {}

    /** The search stopped after {@link #MAX_STEPS} steps without settling. */
    record GaveUp() implements Result {}
  }

  private final List<String> labels;
  private final List<String> keys;
  private final List<String> armSide;
  private final List<String> interventionSide;
  private final Map<String, Integer> labelCount = new HashMap<>();
  private final Map<String, Integer> used = new HashMap<>();
  private final int[] lastArmOfLabel;
  private final List<List<Integer>> chosen = new ArrayList<>();
  private final List<List<List<Integer>>> found = new ArrayList<>();
  private int steps;

  private ArmInterventionSplit(List<String> labels, List<String> keys, List<String> armSide,
      List<String> interventionSide) {
    this.labels = labels;
    this.keys = keys;
    this.armSide = armSide;
    this.interventionSide = interventionSide;
    interventionSide.forEach(l -> labelCount.merge(l, 1, Integer::sum));
    Map<String, Integer> last = new HashMap<>();
    for (int a = 0; a < labels.size(); a++) {
      last.put(labels.get(a), a);
      chosen.add(new ArrayList<>());
    }
    lastArmOfLabel = labels.stream().mapToInt(last::get).toArray();
  }

  /**
   * Splits both lists.
   *
   * @param armLabels {@code ArmGroupLabel}, one per arm
   * @param interventionKeys {@code "Type: Name"}, one per intervention, from {@code InterventionType}
   *     and {@code InterventionName}
   * @param armSide {@code ArmGroupInterventionName}
   * @param interventionSide {@code InterventionArmGroupLabel}
   */
  static Result split(List<String> armLabels, List<String> interventionKeys, List<String> armSide,
      List<String> interventionSide) {
    if (armSide.size() != interventionSide.size()) {
      return new Result.None("ArmGroupInterventionName has " + armSide.size()
          + " values and InterventionArmGroupLabel " + interventionSide.size() + ", but each link adds one to each");
    }
    Optional<String> name = firstUnknown(armSide, interventionKeys);
    if (name.isPresent()) {
      return new Result.None("\"" + name.get() + "\" in ArmGroupInterventionName is no intervention's type and name");
    }
    Optional<String> label = firstUnknown(interventionSide, armLabels);
    if (label.isPresent()) {
      return new Result.None("\"" + label.get() + "\" in InterventionArmGroupLabel is no arm's label");
    }
    return new ArmInterventionSplit(armLabels, interventionKeys, armSide, interventionSide).search();
  }

  private static Optional<String> firstUnknown(List<String> values, List<String> known) {
    Set<String> k = new HashSet<>(known);
    return values.stream().filter(v -> !k.contains(v)).findFirst();
  }

  private Result search() {
    arm(0, 0, -1);
    if (found.size() > 1) {
      return new Result.Several();
    }
    if (steps > MAX_STEPS) {
      return new Result.GaveUp();
    }
    if (found.isEmpty()) {
      return new Result.None("no arm-intervention relation gives both lists");
    }
    List<List<Integer>> relation = found.get(0);
    List<List<String>> names = new ArrayList<>();
    int p = 0;
    for (List<Integer> run : relation) {
      names.add(armSide.subList(p, p + run.size()));
      p += run.size();
    }
    List<List<String>> armLabels = new ArrayList<>();
    p = 0;
    for (int degree : degrees(relation)) {
      armLabels.add(interventionSide.subList(p, p + degree));
      p += degree;
    }
    return new Result.Unique(names, armLabels);
  }

  /** Arm {@code a} takes its next intervention after {@code last}, or closes its run; {@code p} is the next arm-side value. */
  private void arm(int a, int p, int last) {
    if (++steps > MAX_STEPS || found.size() > 1) {
      return;
    }
    if (a == labels.size()) {
      if (p == armSide.size() && interventionSideFits()) {
        found.add(chosen.stream().map(List::copyOf).toList());
      }
      return;
    }
    String label = labels.get(a);
    int taken = used.getOrDefault(label, 0);
    int available = labelCount.getOrDefault(label, 0);
    if (p < armSide.size() && taken < available) {
      for (int i = last + 1; i < keys.size(); i++) {
        if (keys.get(i).equals(armSide.get(p))) {
          chosen.get(a).add(i);
          used.put(label, taken + 1);
          arm(a, p + 1, i);
          used.put(label, taken);
          chosen.get(a).remove(chosen.get(a).size() - 1);
        }
      }
    }
    // The last arm with this label must use up its occurrences in the intervention list.
    if (lastArmOfLabel[a] != a || taken == available) {
      arm(a + 1, p, -1);
    }
  }

  /** Whether each intervention's run of the intervention list holds exactly its arms' labels. */
  private boolean interventionSideFits() {
    int p = 0;
    List<List<String>> byIntervention = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      byIntervention.add(new ArrayList<>());
    }
    for (int a = 0; a < labels.size(); a++) {
      for (int i : chosen.get(a)) {
        byIntervention.get(i).add(labels.get(a));
      }
    }
    for (List<String> expected : byIntervention) {
      String[] want = expected.toArray(String[]::new);
      String[] got = interventionSide.subList(p, p + want.length).toArray(String[]::new);
      Arrays.sort(want);
      Arrays.sort(got);
      if (!Arrays.equals(want, got)) {
        return false;
      }
      p += want.length;
    }
    return true;
  }

  private int[] degrees(List<List<Integer>> relation) {
    int[] degree = new int[keys.size()];
    relation.forEach(run -> run.forEach(i -> degree[i]++));
    return degree;
  }
}
