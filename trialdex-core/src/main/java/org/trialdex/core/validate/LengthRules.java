package org.trialdex.core.validate;

import static org.trialdex.core.validate.Rule.list;
import static org.trialdex.core.validate.Sections.ARMS;
import static org.trialdex.core.validate.Sections.CONDITIONS;
import static org.trialdex.core.validate.Sections.CONTACTS;
import static org.trialdex.core.validate.Sections.DESCRIPTION;
import static org.trialdex.core.validate.Sections.DESIGN_INFO;
import static org.trialdex.core.validate.Sections.ELIGIBILITY;
import static org.trialdex.core.validate.Sections.IDENTIFICATION;
import static org.trialdex.core.validate.Sections.OUTCOMES;
import static org.trialdex.core.validate.Sections.STATUS;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.trialdex.core.model.ArmGroup;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Outcome;
import org.trialdex.core.view.StudyModules;

/**
 * Length limits of free-text elements. Warnings only: the registry accepted longer texts before it
 * enforced some limits, and real records exceed them.
 *
 * <p>Source of every limit in {@link #TABLE}: ClinicalTrials.gov, "Protocol Registration Data
 * Element Definitions for Interventional and Observational Studies" (PRS), the "Limit: N
 * characters" line of each element. Lengths are counted in Unicode code points, as a person
 * counts characters.
 */
final class LengthRules {

  private LengthRules() {}

  /** A text of the record and where it is. */
  record Located(String path, String text) {}

  /** One limit: the rule id, the PRS limit and how to find the texts it applies to. */
  record Limit(String rule, int max, Function<StudyModules, List<Located>> texts) {}

  // ClinicalTrials.gov PRS Protocol Registration Data Element Definitions; one row per element.
  // Not yet re-checked against the current PRS page: arm group label (100), condition entry (160)
  // and facility name (254); correct a row here if the definitions say otherwise.
  static final List<Limit> TABLE = List.of(
      new Limit("length.org-study-id", 30, one(IDENTIFICATION + ".orgStudyIdInfo.id",
          s -> s.identification().orgStudyIdInfo() == null ? null : s.identification().orgStudyIdInfo().id())),
      new Limit("length.brief-title", 300, one(IDENTIFICATION + ".briefTitle", s -> s.identification().briefTitle())),
      new Limit("length.official-title", 600,
          one(IDENTIFICATION + ".officialTitle", s -> s.identification().officialTitle())),
      new Limit("length.acronym", 14, one(IDENTIFICATION + ".acronym", s -> s.identification().acronym())),
      new Limit("length.why-stopped", 250, one(STATUS + ".whyStopped", s -> s.status().whyStopped())),
      new Limit("length.brief-summary", 5_000,
          one(DESCRIPTION + ".briefSummary", s -> s.description().briefSummary())),
      new Limit("length.detailed-description", 32_000,
          one(DESCRIPTION + ".detailedDescription", s -> s.description().detailedDescription())),
      new Limit("length.condition", 160,
          each(CONDITIONS + ".conditions", s -> s.conditions().conditions(), Function.identity())),
      new Limit("length.keyword", 160,
          each(CONDITIONS + ".keywords", s -> s.conditions().keywords(), Function.identity())),
      new Limit("length.intervention-model-description", 1_000,
          one(DESIGN_INFO + ".interventionModelDescription", s -> s.designInfo().interventionModelDescription())),
      new Limit("length.masking-description", 1_000, one(DESIGN_INFO + ".maskingInfo.maskingDescription",
          s -> s.designInfo().maskingInfo() == null ? null : s.designInfo().maskingInfo().maskingDescription())),
      new Limit("length.arm-group-label", 100,
          each(ARMS + ".armGroups", s -> s.arms().armGroups(), "label", ArmGroup::label)),
      new Limit("length.arm-group-description", 999,
          each(ARMS + ".armGroups", s -> s.arms().armGroups(), "description", ArmGroup::description)),
      new Limit("length.intervention-name", 200,
          each(ARMS + ".interventions", s -> s.arms().interventions(), "name", Intervention::name)),
      new Limit("length.intervention-description", 1_000,
          each(ARMS + ".interventions", s -> s.arms().interventions(), "description", Intervention::description)),
      new Limit("length.outcome-measure", 255, outcomes("measure", Outcome::measure)),
      new Limit("length.outcome-description", 999, outcomes("description", Outcome::description)),
      new Limit("length.outcome-time-frame", 255, outcomes("timeFrame", Outcome::timeFrame)),
      new Limit("length.eligibility-criteria", 20_000,
          one(ELIGIBILITY + ".eligibilityCriteria", s -> s.eligibility().eligibilityCriteria())),
      new Limit("length.gender-description", 1_000,
          one(ELIGIBILITY + ".genderDescription", s -> s.eligibility().genderDescription())),
      new Limit("length.study-population", 1_000,
          one(ELIGIBILITY + ".studyPopulation", s -> s.eligibility().studyPopulation())),
      new Limit("length.facility-name", 254,
          each(CONTACTS + ".locations", s -> s.contacts().locations(), "facility", Location::facility)));

  static final List<Rule> ALL = TABLE.stream().map(LengthRules::rule).toList();

  private static Rule rule(Limit limit) {
    return Rule.warning(limit.rule(), (s, r) -> {
      for (Located text : limit.texts().apply(s)) {
        int length = text.text().codePointCount(0, text.text().length());
        if (length > limit.max()) {
          r.at(text.path(), leaf(text.path()) + " has " + length + " characters, over the PRS limit of "
              + limit.max() + ": " + Rule.quote(text.text()));
        }
      }
    });
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static Function<StudyModules, List<Located>> one(String path, Function<StudyModules, String> text) {
    return s -> {
      String t = text.apply(s);
      return t == null ? List.of() : List.of(new Located(path, t));
    };
  }

  private static <T> Function<StudyModules, List<Located>> each(String listPath, Function<StudyModules, List<T>> items,
      Function<T, String> text) {
    return s -> located(listPath, "", list(items.apply(s)), text);
  }

  private static <T> Function<StudyModules, List<Located>> each(String listPath, Function<StudyModules, List<T>> items,
      String member, Function<T, String> text) {
    return s -> located(listPath, "." + member, list(items.apply(s)), text);
  }

  private static Function<StudyModules, List<Located>> outcomes(String member, Function<Outcome, String> text) {
    return s -> Stream.of(
            located(OUTCOMES + ".primaryOutcomes", "." + member, list(s.outcomes().primaryOutcomes()), text),
            located(OUTCOMES + ".secondaryOutcomes", "." + member, list(s.outcomes().secondaryOutcomes()), text),
            located(OUTCOMES + ".otherOutcomes", "." + member, list(s.outcomes().otherOutcomes()), text))
        .flatMap(List::stream)
        .toList();
  }

  private static <T> List<Located> located(String listPath, String member, List<T> items, Function<T, String> text) {
    List<Located> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String t = item == null ? null : text.apply(item);
      if (t != null) {
        out.add(new Located(listPath + "[" + i + "]" + member, t));
      }
    }
    return out;
  }
}
