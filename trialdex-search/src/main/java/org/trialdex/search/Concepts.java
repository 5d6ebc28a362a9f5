package org.trialdex.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.trialdex.core.model.BrowseModule;
import org.trialdex.core.model.DerivedSection;
import org.trialdex.core.model.Mesh;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.core.terms.Vocabulary.Area;
import org.trialdex.core.terms.Words;

/**
 * Search by meaning: the concepts a record names, indexed with every concept above them, and the
 * concepts a query names. A query for a concept finds every record indexed under it, so a broader
 * query finds at least what a narrower one finds ({@code lung cancer} finds the non-small cell lung
 * cancer trials, whose concept is below Lung Neoplasms).
 *
 * <p>Two fields per area: the concepts of the record's own condition (or intervention) list and
 * MeSH browse terms, and the concepts its titles and keywords mention. Both are searched; the first
 * weighs as much as a match in the conditions, the second as a match in a title.
 */
final class Concepts {

  /** Concepts of the conditions and the condition MeSH terms, with their ancestors. */
  static final String CONDITION = "_cond";
  /** Concepts the titles and keywords mention, with their ancestors. */
  static final String CONDITION_MENTION = "_condMention";
  /** Concepts of the interventions' names and MeSH terms, with their ancestors. */
  static final String INTERVENTION = "_intr";
  /** Concepts the titles and keywords mention among drugs and procedures, with their ancestors. */
  static final String INTERVENTION_MENTION = "_intrMention";

  private static final Pattern DESCRIPTOR = Pattern.compile("D\\d{6,9}");
  /** "Drug: Palbociclib", as arm groups name their interventions. */
  private static final Pattern TYPE_PREFIX = Pattern.compile("^[A-Za-z ]{3,30}:\\s*");

  private final Vocabulary vocabulary;

  Concepts(Vocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The hidden fields of one record: field name to concept ids. */
  Map<String, Set<String>> fields(StudyView view) {
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    List<String> mentions = new ArrayList<>();
    mentions.addAll(view.briefTitle());
    mentions.addAll(view.officialTitle());
    mentions.addAll(view.keywords());
    fields.put(CONDITION, own(Area.CONDITION, view.conditions(),
        () -> meshIds(view, DerivedSection::conditionBrowseModule, Area.CONDITION)));
    fields.put(CONDITION_MENTION, closure(Area.CONDITION, mentions, Set.of()));
    List<String> interventions = new ArrayList<>(view.interventionNames());
    interventions.addAll(view.interventionOtherNames());
    view.armGroupInterventionNames().forEach(n -> interventions.add(TYPE_PREFIX.matcher(n).replaceFirst("")));
    fields.put(INTERVENTION, own(Area.INTERVENTION, interventions,
        () -> meshIds(view, DerivedSection::interventionBrowseModule, Area.INTERVENTION)));
    fields.put(INTERVENTION_MENTION, closure(Area.INTERVENTION, mentions, Set.of()));
    return fields;
  }

  /**
   * The concepts of the record's own list, as the vocabulary reads it; the record's MeSH terms only
   * when the vocabulary reads none of it. The source's terms can be broader than its conditions:
   * ClinicalTrials.gov lists Hypertension for ocular and pulmonary hypertension trials, which are
   * not what a search for high blood pressure means.
   */
  private Set<String> own(Area area, List<String> texts, java.util.function.Supplier<Set<String>> meshes) {
    Set<String> ids = closure(area, texts, Set.of());
    return ids.isEmpty() ? closure(area, List.of(), meshes.get()) : ids;
  }

  private Set<String> closure(Area area, List<String> texts, Set<String> given) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : given) {
      ids.addAll(vocabulary.closure(id));
    }
    for (String text : texts) {
      for (Vocabulary.Match m : vocabulary.find(area, text)) {
        ids.addAll(vocabulary.closure(m.concept().id()));
      }
    }
    return ids;
  }

  /** The MeSH descriptors of a browse module: by id when the record gives one, else by term. */
  private Set<String> meshIds(StudyView view, Function<DerivedSection, BrowseModule> module, Area area) {
    Set<String> ids = new LinkedHashSet<>();
    for (Mesh mesh : view.browseMeshes(module)) {
      if (mesh.id() != null && DESCRIPTOR.matcher(mesh.id()).matches()
          && vocabulary.concept(mesh.id()).filter(Concept::mesh).isPresent()) {
        ids.add(vocabulary.concept(mesh.id()).get().id());
      } else if (mesh.term() != null) {
        vocabulary.lookup(area, mesh.term()).stream().filter(Concept::mesh).findFirst().ifPresent(c -> ids.add(c.id()));
      }
    }
    return ids;
  }

  /**
   * Words of a query that say who or what kind of study, not which condition: they neither name a
   * concept nor narrow one ("asthma in children" is asthma).
   */
  private static final Set<String> FILLER = Set.of("patient", "patients", "people", "person", "persons",
      "subject", "subjects", "participant", "participants", "volunteer", "volunteers", "study", "studies",
      "trial", "trials", "clinical", "treatment", "treatments", "therapy", "therapies", "treating", "with",
      "without", "in", "for", "of", "and", "the", "a", "an", "to", "on", "at", "by", "from", "adult", "adults",
      "child", "children", "pediatric", "paediatric", "new", "latest", "current");

  /**
   * What a query text means: the concepts it names as a whole ({@code heart attack}); else the
   * concepts its runs of words name, every one required, with the words left over that are not
   * filler as a part of plain words ({@code metastatic breast cancer} is Breast Neoplasms and the
   * word metastatic; {@code asthma in children} is Asthma); empty when it names no concept.
   *
   * @return the parts, every one of which must match: concept parts, then at most one words part
   */
  List<Part> understand(Area area, String text) {
    List<Concept> whole = vocabulary.lookup(area, text);
    if (!whole.isEmpty()) {
      return List.of(new Part(String.join(" ", Words.of(text)), whole));
    }
    Map<String, List<Concept>> bySpan = new LinkedHashMap<>();
    List<String> matched = new ArrayList<>();
    for (Vocabulary.Match m : vocabulary.find(area, text)) {
      List<Concept> concepts = bySpan.computeIfAbsent(m.text(), k -> new ArrayList<>());
      if (concepts.isEmpty()) {
        matched.addAll(List.of(m.text().split(" ")));
      }
      concepts.add(m.concept());
    }
    if (bySpan.isEmpty()) {
      return List.of();
    }
    List<Part> parts = new ArrayList<>();
    bySpan.forEach((span, concepts) -> parts.add(new Part(span, concepts)));
    List<String> left = new ArrayList<>();
    for (String raw : text.split("[^\\p{L}\\p{N}'’-]+")) {
      List<String> normalized = Words.of(raw);
      boolean named = !normalized.isEmpty() && matched.containsAll(normalized);
      if (!raw.isBlank() && !named && !normalized.isEmpty()
          && !FILLER.contains(raw.toLowerCase(java.util.Locale.ROOT))) {
        left.add(raw);
      }
    }
    if (!left.isEmpty()) {
      parts.add(new Part(String.join(" ", left), List.of()));
    }
    return parts;
  }

  /**
   * One part of a query: its words and the concepts they name (any of which matches); a part with
   * no concepts is words that must appear in the area as written.
   *
   * @param words the normalized words of a concept part, the words as given of a words part
   * @param concepts the concepts they name; empty for a words part
   */
  record Part(String words, List<Concept> concepts) {
    boolean byWords() {
      return concepts.isEmpty();
    }
  }

  /** The vocabulary area a search area is understood in: conditions or interventions; empty for other fields. */
  static java.util.Optional<Area> areaOf(Schema.FieldDef field) {
    return switch (field.name()) {
      case "ConditionSearch" -> java.util.Optional.of(Area.CONDITION);
      case "InterventionSearch" -> java.util.Optional.of(Area.INTERVENTION);
      default -> java.util.Optional.empty();
    };
  }

  static String field(Area area) {
    return area == Area.CONDITION ? CONDITION : INTERVENTION;
  }

  static String mentionField(Area area) {
    return area == Area.CONDITION ? CONDITION_MENTION : INTERVENTION_MENTION;
  }
}
