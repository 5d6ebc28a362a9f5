package org.trialdex.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What makes two trials alike, in words: conditions (MeSH terms and as written), their MeSH
 * groups, interventions, cell types, and design. Each feature is indexed as one lowercased term
 * ({@link Schema#FEATURE}), so shared features are found by term matching and shown as written.
 */
final class RelatedFeatures {

  /** Cell types and sources the cell-therapy trials name; first match wins per label. */
  private static final Map<String, Pattern> CELL_TYPES = new LinkedHashMap<>();

  static {
    cell("mesenchymal stromal cells", "mesenchymal|\\bmsc(s)?\\b|stromal (stem |vascular )?cell");
    cell("umbilical cord", "umbilical cord|\\bcord blood");
    cell("bone marrow", "bone marrow|\\bbm-?msc");
    cell("adipose tissue", "adipose|\\bfat-derived|\\bad-?msc|stromal vascular fraction");
    cell("Wharton's jelly", "wharton'?s jelly");
    cell("placenta", "placenta|amniotic|amnion");
    cell("extracellular vesicles", "exosome|extracellular vesicle|secretome");
    cell("stem cells", "stem cell|progenitor cell");
    cell("induced pluripotent stem cells", "induced pluripotent|\\bipsc");
    cell("CAR-T cells", "\\bcar[- ]?t\\b|chimeric antigen receptor");
    cell("NK cells", "natural killer|\\bnk cell");
    cell("dendritic cells", "dendritic cell");
  }

  private static void cell(String label, String regex) {
    CELL_TYPES.put(label, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  /** How much each kind of feature counts towards similarity (the words before the colon). */
  static final Map<String, Float> WEIGHTS = Map.of(
      "condition", 4f, "intervention", 3f, "cell type", 3f, "condition group", 0.5f,
      "phase", 0.5f, "study type", 0.2f, "allocation", 0.3f);

  private RelatedFeatures() {}

  /** The features of a study: lowercased key to the words shown, in order of kind. */
  static Map<String, String> of(StudyView view) {
    Map<String, String> features = new LinkedHashMap<>();
    Stream.concat(view.conditionMeshTerms().stream(), view.conditions().stream())
        .forEach(c -> put(features, "condition", c));
    view.interventionMeshTerms().forEach(i -> put(features, "intervention", i));
    view.interventionNames().forEach(i -> put(features, "intervention", i));
    String cellText = String.join(" \n ", Stream.of(view.briefTitle(), view.officialTitle(), view.keywords(),
        view.conditions(), view.interventionNames(), view.interventionOtherNames()).flatMap(List::stream).toList());
    CELL_TYPES.forEach((label, pattern) -> {
      if (pattern.matcher(cellText).find()) {
        put(features, "cell type", label);
      }
    });
    view.conditionAncestorTerms().forEach(a -> put(features, "condition group", a));
    view.phases().forEach(p -> put(features, "phase", p));
    view.studyType().forEach(t -> put(features, "study type", t));
    view.allocation().forEach(a -> put(features, "allocation", a));
    return features;
  }

  private static void put(Map<String, String> features, String kind, String value) {
    String shown = kind + ": " + value.strip().replaceAll("\\s+", " ");
    features.putIfAbsent(shown.toLowerCase(Locale.ROOT), shown);
  }

  /** The weight of a feature key, by its kind. */
  static float weight(String key) {
    return WEIGHTS.getOrDefault(key.substring(0, key.indexOf(':')), 0.1f);
  }
}
