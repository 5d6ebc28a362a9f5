package org.trialdex.core.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * Makes one truthful record of a trial from the latest record of each source that has it.
 *
 * <p><b>Ranking.</b> Sources are ranked by {@link Authority} (a registry record over a page), then
 * by the record's own date ({@code lastUpdatePostDateStruct.date}, else {@code lastUpdateSubmitDate},
 * else {@code statusVerifiedDate}; newer first, undated last), then by
 * {@link SourceRecord#recordedAt()} (later first), then by source key and version, so the result
 * does not depend on the order of the input.
 *
 * <p><b>Units.</b> The record is merged unit by unit: each scalar member of each module (nested
 * objects such as {@code startDateStruct} or {@code designInfo} are walked into), each list as a
 * whole (conditions, phases, locations, arm groups, outcomes...), and each module of
 * {@code resultsSection} as a whole, since results only make sense together. A unit takes the value
 * of the best-ranked source that has one (not absent, not blank, not an empty list); when no source
 * has one, the best-ranked source's empty value is kept, so one source merges into itself unchanged.
 * {@link MergedStudy#origins()} names the source of every unit.
 *
 * <p><b>Conflicts.</b> A lower-ranked source that has a value for a unit that is not equivalent to
 * the chosen one makes a {@link Conflict}. Equivalence ignores presentation: whitespace and line
 * breaks, case, list markers in text blocks, Markdown escapes, typographic variants, dates of
 * different precision that agree, ages in different units of the same length, the order of lists
 * of values. {@code derivedSection.miscInfoModule.versionHolder}, the date of each source's export,
 * is never a conflict. Objects are compared only on the members both have; in lists of objects each element
 * the lower source shows must match an element of the chosen list by its key (a location by
 * facility, city and country, an outcome by measure, an arm by label, an intervention by type and
 * name, an official by name) and agree on the members both have. A source that shows fewer
 * elements (a page listing some of the locations) is not in conflict for those it leaves out.
 *
 * <p><b>Weak readings.</b> A page source may name paths it read on weak evidence (the provenance
 * attribute {@code lowConfidence}: a title chosen among unlabelled lines, a phase found in a sentence).
 * When a registry record takes part in the merge, those values are left out altogether: they neither
 * replace nor fill in the registry's, and make no conflict. Among pages alone, a unit takes a value
 * read on good evidence before one read on weak evidence, whatever the ranking.
 *
 * <p>Instances hold no state and are safe to share between threads.
 */
public final class StudyMerger {

  private static final String RESULTS_SECTION = "resultsSection";
  /** Units that describe the source's export, not the trial: they differ between sources by nature. */
  private static final Set<String> ABOUT_THE_SOURCE = Set.of("derivedSection.miscInfoModule.versionHolder");

  private final StudyJson json = StudyJson.standard();

  /** A merger; it holds no state and may be shared. */
  public StudyMerger() {}

  /**
   * Merges the records of one trial.
   *
   * @param sources the latest record of each source, in any order
   * @return the merged record with the origin of every unit and the conflicts between sources
   * @throws IllegalArgumentException when {@code sources} is empty or names the same source
   *     record (key and version) twice
   */
  public MergedStudy merge(List<SourceRecord> sources) {
    Objects.requireNonNull(sources, "sources");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: pass at least one source record of the trial");
    }
    Set<String> seen = new HashSet<>();
    List<Ranked> ranked = new ArrayList<>(sources.size());
    for (SourceRecord s : sources) {
      if (!seen.add(s.label())) {
        throw new IllegalArgumentException("source record " + s.label() + " is passed twice;"
            + " pass the latest version of each source once");
      }
      ranked.add(Ranked.of(s, json.tree(s.study())));
    }
    boolean registry = sources.stream().anyMatch(s -> s.authority() == Authority.REGISTRY);
    if (registry) {
      for (int i = 0; i < ranked.size(); i++) {
        Ranked r = ranked.get(i);
        if (r.source().authority() == Authority.PAGE && !r.weak().isEmpty()) {
          ranked.set(i, Ranked.of(r.source(), withoutPaths(r.tree(), r.weak())));
        }
      }
    }
    ranked.sort(Ranked.ORDER);
    Walk walk = new Walk();
    ObjectNode merged = walk.object("", ranked);
    Study study = json.read(merged);
    return new MergedStudy(study, walk.origins, walk.conflicts);
  }

  /** A copy of {@code tree} without the members at {@code paths} (dotted, from the root). */
  private static JsonNode withoutPaths(JsonNode tree, Set<String> paths) {
    ObjectNode copy = tree.deepCopy();
    for (String path : paths) {
      String[] parts = path.split("\\.");
      JsonNode n = copy;
      for (int i = 0; i < parts.length - 1 && n != null; i++) {
        n = n.get(parts[i]);
      }
      if (n instanceof ObjectNode o) {
        o.remove(parts[parts.length - 1]);
      }
    }
    return copy;
  }

  /** One merge: the origins and conflicts found while walking the sources' trees together. */
  private static final class Walk {
    final List<FieldOrigin> origins = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();

    /** Merges the objects at {@code path}; {@code present} are the ranked sources that have one there. */
    ObjectNode object(String path, List<Ranked> present) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String member : memberNames(path, present)) {
        String at = path.isEmpty() ? member : path + "." + member;
        List<Ranked> having = new ArrayList<>();
        boolean allObjects = true;
        for (Ranked r : present) {
          JsonNode v = at(r, at);
          if (v != null) {
            having.add(r);
            allObjects &= v.isObject();
          }
        }
        if (allObjects && !wholeUnit(at)) {
          out.set(member, object(at, having));
        } else {
          out.set(member, unit(at, member, having));
        }
      }
      return out;
    }

    /** Chooses the value of one unit, notes its origin and any conflict. */
    private JsonNode unit(String path, String member, List<Ranked> having) {
      Ranked chosen = having.stream().filter(r -> !Equivalence.empty(at(r, path)) && !weak(r, path)).findFirst()
          .orElse(having.stream().filter(r -> !Equivalence.empty(at(r, path))).findFirst().orElse(having.get(0)));
      JsonNode value = at(chosen, path);
      origins.add(new FieldOrigin(path, chosen.source().sourceKey(), chosen.source().version()));
      if (Equivalence.empty(value) || ABOUT_THE_SOURCE.contains(path)) {
        return value;
      }
      List<Claim> others = new ArrayList<>();
      List<String> clauses = new ArrayList<>();
      Set<String> chosenSides = new LinkedHashSet<>();
      for (Ranked r : having.subList(having.indexOf(chosen) + 1, having.size())) {
        List<Difference> diffs = Equivalence.differences(member, value, at(r, path));
        if (diffs.isEmpty()) {
          continue;
        }
        Set<String> otherSides = new LinkedHashSet<>();
        for (Difference d : diffs) {
          otherSides.add(d.other());
          if (d.chosen() != null) {
            chosenSides.add(d.chosen());
          }
          clauses.add(d.describe(r.source().label(), chosen.source().label()));
        }
        others.add(Claim.of(r.source(), String.join("; ", otherSides)));
        clauses.add("kept " + chosen.source().label() + " because " + chosen.whyOver(r));
      }
      if (!others.isEmpty()) {
        // For a list of objects the claim names the elements concerned, not all 300 locations.
        boolean listOfObjects = value.isArray() && value.get(0).isContainerNode();
        String chosenValue = !listOfObjects || chosenSides.isEmpty() ? Rendering.of(value) : String.join("; ", chosenSides);
        conflicts.add(new Conflict(path, Claim.of(chosen.source(), chosenValue), others, String.join("; ", clauses)));
      }
      return value;
    }

    /** Whether the source read this unit on weak evidence. */
    private static boolean weak(Ranked r, String path) {
      return r.weak().contains(path);
    }

    private static JsonNode at(Ranked r, String path) {
      JsonNode n = r.tree();
      for (String part : path.split("\\.")) {
        n = n.get(part);
        if (n == null) {
          return null;
        }
      }
      return n;
    }

    /** The members of the objects at {@code path}, the best-ranked source's order first. */
    private static Set<String> memberNames(String path, List<Ranked> present) {
      Set<String> names = new LinkedHashSet<>();
      for (Ranked r : present) {
        JsonNode obj = path.isEmpty() ? r.tree() : at(r, path);
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
      }
      return names;
    }

    /** Results modules merge whole: their groups, measures and counts refer to each other. */
    private static boolean wholeUnit(String path) {
      return path.startsWith(RESULTS_SECTION + ".") && path.indexOf('.', RESULTS_SECTION.length() + 1) < 0;
    }
  }
}
