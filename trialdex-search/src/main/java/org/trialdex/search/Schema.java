package org.trialdex.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleRange;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.trialdex.core.model.ExpandedAccessTypes;
import org.trialdex.core.model.LargeDoc;
import org.trialdex.core.model.Study;
import org.trialdex.core.normalize.Age;
import org.trialdex.core.normalize.PartialDate;

/**
 * The index schema: every field AREA[...] accepts, what kind it is, and which v2 paths feed it.
 * {@code docs/search.md} is this class as a table; change both together.
 */
final class Schema {

  /** Bumped when documents change shape; an index written with another version must be rebuilt. */
  static final String VERSION = "11";

  /** The record id (NCT id or another record id): StringField, sorted doc values for paging. */
  static final String ID = "id";
  /** The record's v2 JSON, stored. */
  static final String STUDY = "study";
  /**
   * The brief title, binary doc values: related trials name their relatives without reading and
   * parsing each relative's whole stored study.
   */
  static final String TITLE = "title";
  /** Site coordinates: points for distance filters, doc values for distances. */
  static final String GEO = "geo";
  /** The doc-values field a ranged field sorts by (apart, since a date's points are a range). */
  static String sortField(String name) {
    return "_sort." + name;
  }

  /** Names of the fields that have a value in the record, for MISSING. */
  static final String PRESENT = "_present";
  /** The paths of the record's fields trialdex derived (stored), e.g. {@code hasResults}. */
  static final String DERIVED = "_derived";
  /** The record's sentence embedding ({@link Embeddings}), searched by nearest neighbours; absent when embeddings are off. */
  static final String VECTOR = "_vec";
  /** The same vector, stored, to read a hit's similarity without embedding again. */
  static final String VECTOR_STORED = "_vecs";
  /**
   * The {@link Embeddings#key key} of the text the vector was made from (indexed, not stored): a
   * rebuild, or a new version whose embedded text did not change, reuses the stored vector.
   */
  static final String VECTOR_KEY = "_veck";
  /** Related-trial features as words ("condition: breast neoplasms"). */
  static final String FEATURE = "_feature";
  /** Titles, summaries, conditions and keywords, for more-like-this. */
  static final String RELATED_TEXT = "_relatedText";

  /** How a field is indexed and how AREA and RANGE read values for it. */
  enum Kind {
    /** Analyzed words; phrases work. */
    TEXT,
    /** Identifiers: split on spaces, lowercased. */
    ID,
    /** One whole value, matched case-insensitively ({@code recruiting} = {@code RECRUITING}). */
    KEYWORD,
    /** A date: the epoch days of the period it covers. */
    DATE,
    /** A whole number. */
    INT,
    /** An age limit in days; no lower limit = 0. */
    MIN_AGE,
    /** An age limit in days; no upper limit = {@link Integer#MAX_VALUE}. */
    MAX_AGE,
    /**
     * A number or span of numbers too large for an int (cells: 1e10), as a Lucene {@link
     * DoubleRange}; RANGE matches the spans it intersects. Not sortable.
     */
    DOUBLE_RANGE;

    /** Sortable and read by RANGE. */
    boolean ranged() {
      return this == DATE || this == INT || this == MIN_AGE || this == MAX_AGE;
    }

    /** Read by RANGE. */
    boolean rangeable() {
      return ranged() || this == DOUBLE_RANGE;
    }
  }

  /** One field: its name as AREA[...] writes it, its kind, and where its values come from. */
  record FieldDef(String name, Kind kind, Function<StudyView, List<String>> values) {}

  private static final Map<String, FieldDef> FIELDS = new LinkedHashMap<>();
  private static final Map<String, String> ALIASES = Map.of("gender", "Sex", "condition mesh", "ConditionMeshTerm");

  @SafeVarargs
  private static Function<StudyView, List<String>> all(Function<StudyView, List<String>>... parts) {
    List<Function<StudyView, List<String>>> copy = new ArrayList<>();
    for (Function<StudyView, List<String>> part : parts) {
      copy.add(part);
    }
    return v -> copy.stream().flatMap(p -> p.apply(v).stream()).toList();
  }

  private static void define(String name, Kind kind, Function<StudyView, List<String>> values) {
    FIELDS.put(name.toLowerCase(Locale.ROOT), new FieldDef(name, kind, values));
  }

  /** ClinicalTrials.gov's ConditionSearch area: conditions, titles, condition MeSH terms, keywords. */
  private static final Function<StudyView, List<String>> CONDITION_AREA = all(StudyView::conditions,
      StudyView::briefTitle, StudyView::officialTitle, StudyView::keywords, StudyView::conditionMeshTerms,
      StudyView::conditionAncestorTerms);
  /** ClinicalTrials.gov's InterventionSearch area, but for the enum parts (intervention and arm types). */
  private static final Function<StudyView, List<String>> INTERVENTION_AREA = all(StudyView::interventionNames,
      StudyView::interventionOtherNames, StudyView::armGroupInterventionNames, StudyView::briefTitle,
      StudyView::officialTitle, StudyView::armGroupLabels, StudyView::keywords, StudyView::interventionMeshTerms,
      StudyView::interventionAncestorTerms, StudyView::interventionDescriptions, StudyView::armGroupDescriptionsOnly);
  private static final Function<StudyView, List<String>> CONDITION_AREA_BASIC = all(StudyView::conditions,
      StudyView::keywords, StudyView::conditionMeshTerms, StudyView::conditionAncestorTerms);
  private static final Function<StudyView, List<String>> INTERVENTION_AREA_BASIC = all(StudyView::interventionNames,
      StudyView::interventionOtherNames, StudyView::armGroupInterventionNames, StudyView::interventionMeshTerms,
      StudyView::interventionAncestorTerms);
  private static final Function<StudyView, List<String>> TITLES = all(StudyView::briefTitle,
      StudyView::officialTitle, StudyView::acronym);
  private static final Function<StudyView, List<String>> SUMMARIES = all(StudyView::briefSummary,
      StudyView::detailedDescription);
  private static final Function<StudyView, List<String>> IDS = all(StudyView::nctIds, StudyView::nctIdAliases,
      StudyView::orgStudyIds, StudyView::secondaryIds);
  private static final Function<StudyView, List<String>> LOCATIONS = all(StudyView::locationFacilities,
      StudyView::locationCities, StudyView::locationStates, StudyView::locationZips, StudyView::locationCountries);
  private static final Function<StudyView, List<String>> SPONSORS = all(StudyView::leadSponsorName,
      StudyView::collaboratorNames);

  static {
    // Search areas, as ClinicalTrials.gov names them.
    define("BasicSearch", Kind.TEXT, all(CONDITION_AREA_BASIC, INTERVENTION_AREA_BASIC, StudyView::interventionDescriptions,
        StudyView::armGroupDescriptions, TITLES, SUMMARIES, StudyView::outcomes, SPONSORS,
        StudyView::eligibilityCriteria, LOCATIONS, IDS));
    define("ConditionSearch", Kind.TEXT, CONDITION_AREA);
    define("InterventionSearch", Kind.TEXT, INTERVENTION_AREA);
    define("TitleSearch", Kind.TEXT, TITLES);
    define("OutcomeSearch", Kind.TEXT, StudyView::outcomes);
    define("SponsorSearch", Kind.TEXT, SPONSORS);
    define("LeadSponsorName", Kind.TEXT, StudyView::leadSponsorName);
    define("IdSearch", Kind.ID, IDS);
    define("LocationSearch", Kind.TEXT, LOCATIONS);
    define("EligibilitySearch", Kind.TEXT, StudyView::eligibilityCriteria);
    define("PatientSearch", Kind.TEXT, all(StudyView::conditions, StudyView::keywords, StudyView::conditionMeshTerms,
        TITLES, SUMMARIES, StudyView::eligibilityCriteria));
    // Fields by v2 piece name.
    define("NCTId", Kind.KEYWORD, StudyView::nctIds);
    define("NCTIdAlias", Kind.KEYWORD, StudyView::nctIdAliases);
    define("OrgStudyId", Kind.ID, StudyView::orgStudyIds);
    define("SecondaryId", Kind.ID, StudyView::secondaryIds);
    define("BriefTitle", Kind.TEXT, StudyView::briefTitle);
    define("OfficialTitle", Kind.TEXT, StudyView::officialTitle);
    define("Acronym", Kind.TEXT, StudyView::acronym);
    define("BriefSummary", Kind.TEXT, StudyView::briefSummary);
    define("DetailedDescription", Kind.TEXT, StudyView::detailedDescription);
    define("Condition", Kind.TEXT, StudyView::conditions);
    define("Keyword", Kind.TEXT, StudyView::keywords);
    define("ConditionMeshTerm", Kind.TEXT, StudyView::conditionMeshTerms);
    define("ConditionAncestorTerm", Kind.TEXT, StudyView::conditionAncestorTerms);
    define("InterventionName", Kind.TEXT, StudyView::interventionNames);
    define("InterventionOtherName", Kind.TEXT, StudyView::interventionOtherNames);
    define("InterventionType", Kind.KEYWORD, StudyView::interventionTypes);
    define("InterventionMeshTerm", Kind.TEXT, StudyView::interventionMeshTerms);
    define("InterventionAncestorTerm", Kind.TEXT, StudyView::interventionAncestorTerms);
    define("InterventionDescription", Kind.TEXT, StudyView::interventionDescriptions);
    define("ArmGroupLabel", Kind.TEXT, StudyView::armGroupLabels);
    define("ArmGroupDescription", Kind.TEXT, StudyView::armGroupDescriptionsOnly);
    define("ArmGroupInterventionName", Kind.TEXT, StudyView::armGroupInterventionNames);
    define("OverallStatus", Kind.KEYWORD, StudyView::overallStatus);
    define("Phase", Kind.KEYWORD, StudyView::phases);
    define("StudyType", Kind.KEYWORD, StudyView::studyType);
    define("PatientRegistry", Kind.KEYWORD, v -> v.studyType().isEmpty() ? List.of()
        : List.of(Boolean.toString(v.patientRegistry())));
    define("ExpandedAccessType", Kind.KEYWORD, StudyView::expandedAccessTypes);
    define("ExpAccTypeIndividual", Kind.KEYWORD, v -> v.expandedAccessType(ExpandedAccessTypes::individual));
    define("ExpAccTypeIntermediate", Kind.KEYWORD, v -> v.expandedAccessType(ExpandedAccessTypes::intermediate));
    define("ExpAccTypeTreatment", Kind.KEYWORD, v -> v.expandedAccessType(ExpandedAccessTypes::treatment));
    define("DesignAllocation", Kind.KEYWORD, StudyView::allocation);
    define("LeadSponsorClass", Kind.KEYWORD, StudyView::leadSponsorClass);
    define("CollaboratorName", Kind.TEXT, StudyView::collaboratorNames);
    define("CollaboratorClass", Kind.KEYWORD, StudyView::collaboratorClasses);
    define("LocationFacility", Kind.TEXT, StudyView::locationFacilities);
    define("LocationCity", Kind.KEYWORD, StudyView::locationCities);
    define("LocationState", Kind.KEYWORD, StudyView::locationStates);
    define("LocationZip", Kind.KEYWORD, StudyView::locationZips);
    define("LocationCountry", Kind.KEYWORD, StudyView::locationCountries);
    define("EligibilityCriteria", Kind.TEXT, StudyView::eligibilityCriteria);
    define("Sex", Kind.KEYWORD, StudyView::sex);
    define("HealthyVolunteers", Kind.KEYWORD, StudyView::healthyVolunteers);
    define("StdAge", Kind.KEYWORD, StudyView::stdAges);
    define("HasResults", Kind.KEYWORD, StudyView::hasResults);
    define("LargeDocHasProtocol", Kind.KEYWORD, v -> v.largeDocHas(LargeDoc::hasProtocol));
    define("LargeDocHasSAP", Kind.KEYWORD, v -> v.largeDocHas(LargeDoc::hasSap));
    define("LargeDocHasICF", Kind.KEYWORD, v -> v.largeDocHas(LargeDoc::hasIcf));
    define("StartDate", Kind.DATE, StudyView::startDate);
    define("PrimaryCompletionDate", Kind.DATE, StudyView::primaryCompletionDate);
    define("CompletionDate", Kind.DATE, StudyView::completionDate);
    define("StudyFirstPostDate", Kind.DATE, StudyView::studyFirstPostDate);
    define("LastUpdatePostDate", Kind.DATE, StudyView::lastUpdatePostDate);
    define("ResultsFirstPostDate", Kind.DATE, StudyView::resultsFirstPostDate);
    define("EnrollmentCount", Kind.INT, StudyView::enrollmentCount);
    define("MinimumAge", Kind.MIN_AGE, v -> v.minimumAge().map(List::of).orElse(List.of()));
    define("MaximumAge", Kind.MAX_AGE, v -> v.maximumAge().map(List::of).orElse(List.of()));
    // trialdex's own: the cell-therapy profile (issue #11, core.celltherapy); values are its codes.
    define("CellTherapy", Kind.KEYWORD, StudyView::cellTherapyGiven);
    define("CellType", Kind.KEYWORD, StudyView::cellTypes);
    define("CellSource", Kind.KEYWORD, StudyView::cellSources);
    define("CellDonor", Kind.KEYWORD, StudyView::cellDonors);
    define("CellRoute", Kind.KEYWORD, StudyView::cellRoutes);
    define("CellProduct", Kind.TEXT, StudyView::cellProducts);
    define("CellDosePerKg", Kind.DOUBLE_RANGE, StudyView::cellDosesPerKg);
    define("CellDoseTotal", Kind.DOUBLE_RANGE, StudyView::cellDosesTotal);
    // Trust signals (issue #11, core.trust) as of the indexing day; values are the kind codes.
    define("TrustSignal", Kind.KEYWORD, StudyView::trustSignalCodes);
  }

  /** Fields analyzed as identifiers. */
  static final List<String> ID_TEXT_FIELDS = FIELDS.values().stream().filter(f -> f.kind() == Kind.ID)
      .map(FieldDef::name).toList();
  /**
   * The parts of the areas searched by meaning, with ClinicalTrials.gov's weights (its
   * {@code /studies/search-areas}): a match in a heavier part ranks higher.
   */
  static final Map<String, Map<String, Float>> AREA_PARTS = Map.of(
      "conditionsearch", org.trialdex.core.catalog.Pieces.areaWeights("ConditionSearch"),
      "interventionsearch", org.trialdex.core.catalog.Pieces.areaWeights("InterventionSearch"));

  /** A search area whose text lives in its parts' fields only ({@link #AREA_PARTS}). */
  static boolean composite(FieldDef field) {
    return AREA_PARTS.containsKey(field.name().toLowerCase(Locale.ROOT));
  }

  /** Every field name AREA[...] accepts, in schema order. */
  static final List<String> NAMES = FIELDS.values().stream().map(FieldDef::name).toList();

  private Schema() {}

  /** The field named (case-insensitively, or by alias), or empty. */
  static Optional<FieldDef> field(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    String alias = ALIASES.get(key);
    return Optional.ofNullable(FIELDS.get(alias == null ? key : alias.toLowerCase(Locale.ROOT)));
  }

  /** How a keyword value is indexed and matched: lowercased, spaces collapsed. */
  static String keyword(String value) {
    return value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /** The epoch days a partial date covers, {first, last}; empty when it is not a date. */
  static Optional<int[]> dateSpan(String text) {
    return PartialDate.parse(text).map(d -> new int[] {(int) d.earliest().toEpochDay(), (int) d.latest().toEpochDay()});
  }

  /** An age in whole days (rounded), or empty when the text is not an age. */
  static Optional<Integer> ageDays(String text) {
    return Age.parse(text).map(a -> (int) Math.round(a.days()));
  }

  /** The vector stored in {@link #VECTOR_STORED} as these bytes (big-endian floats). */
  static float[] storedVector(BytesRef bytes) {
    float[] v = new float[bytes.length / Float.BYTES];
    java.nio.ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asFloatBuffer().get(v);
    return v;
  }

  /** A record's embedding and the {@link Embeddings#key key} of the text it was made from. */
  record Embedded(String key, float[] vector) {}

  /**
   * Builds the document for one record.
   *
   * @param study the record with what trialdex derived for it
   * @param json that record as v2 JSON
   * @param derived the paths trialdex derived
   */
  static Document document(String id, Study study, byte[] json, List<String> derived, Concepts concepts,
      Embedded embedded) {
    StudyView view = new StudyView(study);
    Document doc = new Document();
    if (embedded != null) {
      doc.add(new org.apache.lucene.document.KnnFloatVectorField(VECTOR, embedded.vector(),
          org.apache.lucene.index.VectorSimilarityFunction.COSINE));
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(embedded.vector().length * Float.BYTES);
      bytes.asFloatBuffer().put(embedded.vector());
      doc.add(new StoredField(VECTOR_STORED, bytes.array()));
      doc.add(new StringField(VECTOR_KEY, embedded.key(), Store.NO));
    }
    doc.add(new StringField(ID, id, Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
    doc.add(new StoredField(STUDY, json));
    view.briefTitle().stream().findFirst()
        .ifPresent(title -> doc.add(new org.apache.lucene.document.BinaryDocValuesField(TITLE, new BytesRef(title))));
    for (String path : derived) {
      doc.add(new StoredField(DERIVED, path));
    }
    for (Map.Entry<String, java.util.Set<String>> field : concepts.fields(view).entrySet()) {
      for (String conceptId : field.getValue()) {
        doc.add(new StringField(field.getKey(), conceptId, Store.NO));
      }
    }
    for (FieldDef field : FIELDS.values()) {
      if (composite(field)) {
        // Searched through its parts' own fields (Queries): indexing the text again would only cost.
        if (!field.values().apply(view).isEmpty()) {
          doc.add(new StringField(PRESENT, field.name(), Store.NO));
        }
      } else if (addField(doc, field, field.values().apply(view))) {
        doc.add(new StringField(PRESENT, field.name(), Store.NO));
      }
    }
    for (double[] point : view.geoPoints()) {
      if (Math.abs(point[0]) <= 90 && Math.abs(point[1]) <= 180) {
        doc.add(new LatLonPoint(GEO, point[0], point[1]));
        doc.add(new LatLonDocValuesField(GEO, point[0], point[1]));
      }
    }
    for (Facets.Dimension dimension : Facets.Dimension.values()) {
      for (String value : dimension.values(view)) {
        doc.add(new SortedSetDocValuesField(dimension.docValuesField(), new BytesRef(value)));
      }
    }
    for (String feature : RelatedFeatures.of(view).keySet()) {
      doc.add(new StringField(FEATURE, feature, Store.NO));
    }
    for (String text : relatedText(view)) {
      doc.add(new TextField(RELATED_TEXT, text, Store.NO));
    }
    return doc;
  }

  static List<String> relatedText(StudyView view) {
    return Stream.of(view.briefTitle(), view.officialTitle(), view.briefSummary(), view.conditions(), view.keywords())
        .flatMap(List::stream).toList();
  }

  /** Adds a field's values; true when the record has a value for it. */
  private static boolean addField(Document doc, FieldDef field, List<String> values) {
    boolean present = false;
    for (String value : values) {
      switch (field.kind()) {
        case TEXT, ID -> {
          doc.add(new TextField(field.name(), value, Store.NO));
          present = true;
        }
        case KEYWORD -> {
          doc.add(new StringField(field.name(), keyword(value), Store.NO));
          present = true;
        }
        case DATE -> {
          Optional<int[]> span = dateSpan(value);
          if (span.isPresent()) {
            doc.add(new IntRange(field.name(), new int[] {span.get()[0]}, new int[] {span.get()[1]}));
            doc.add(new NumericDocValuesField(sortField(field.name()), span.get()[0]));
            present = true;
          }
        }
        case INT -> {
          try {
            int n = Integer.parseInt(value.strip());
            doc.add(new IntPoint(field.name(), n));
            doc.add(new NumericDocValuesField(sortField(field.name()), n));
            present = true;
          } catch (NumberFormatException notANumber) {
            // The model types enrollment as an integer; anything else is not indexed for ranges.
          }
        }
        case MIN_AGE, MAX_AGE -> {
          Optional<Integer> days = Age.meansNoLimit(value) ? Optional.of(field.kind() == Kind.MIN_AGE ? 0
              : Integer.MAX_VALUE) : ageDays(value);
          if (days.isPresent()) {
            doc.add(new IntPoint(field.name(), days.get()));
            doc.add(new NumericDocValuesField(sortField(field.name()), days.get()));
            // "No limit" is a value for RANGE, but MISSING reports that the record states none.
            present = !Age.meansNoLimit(value);
          }
        }
        case DOUBLE_RANGE -> {
          Optional<double[]> span = CellCounts.readSpan(value);
          if (span.isPresent()) {
            doc.add(new DoubleRange(field.name(), new double[] {span.get()[0]}, new double[] {span.get()[1]}));
            present = true;
          }
        }
      }
    }
    return present;
  }

  /** The fields RANGE reads: the sortable ones and the spans of numbers. */
  static List<String> rangeable() {
    return FIELDS.values().stream().filter(f -> f.kind().rangeable()).map(FieldDef::name).toList();
  }

  static List<String> sortable() {
    List<String> names = new ArrayList<>();
    for (FieldDef f : FIELDS.values()) {
      if (f.kind().ranged()) {
        names.add(f.name());
      }
    }
    return Collections.unmodifiableList(names);
  }
}
