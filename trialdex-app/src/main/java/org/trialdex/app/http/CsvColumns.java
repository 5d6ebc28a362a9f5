package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of {@code format=csv}, as ClinicalTrials.gov's CSV download writes them: 30 columns
 * titled {@code NCT Number}, {@code Study Title}, ... {@code Study Documents}, each made of one or
 * more pieces and written in the download's formats ({@code YES}/{@code NO}, {@code |}-joined lists,
 * {@code DRUG: Name}, {@code Allocation: RANDOMIZED|...}, dates as stored). {@code docs/http.md}
 * ("CSV as the live download") gives the evidence for each format and says which are unconfirmed.
 *
 * <p>{@code fields=} selects columns by title (any case), or by a piece name or path: a field that
 * is part of a download column selects that column, headed by its title; any other field is a column
 * of its own, headed by its piece name (its path when it has none). The download's columns come
 * first, in the download's order, then the other fields in the order given.
 */
final class CsvColumns {

  /** One column: its header, the field paths it is made of, and how a study's cell is written. */
  record Column(String title, List<String> paths, Function<JsonNode, String> cell) {
    Column {
      paths = List.copyOf(paths);
    }
  }

  private static final String ID = "protocolSection.identificationModule.";
  private static final String ST = "protocolSection.statusModule.";
  private static final String SP = "protocolSection.sponsorCollaboratorsModule.";
  private static final String DS = "protocolSection.designModule.";
  private static final String AI = "protocolSection.armsInterventionsModule.";
  private static final String OU = "protocolSection.outcomesModule.";
  private static final String EL = "protocolSection.eligibilityModule.";
  private static final String LO = "protocolSection.contactsLocationsModule.locations.";
  private static final String DOC = "documentSection.largeDocumentModule.largeDocs.";

  /** Where a study page is on ClinicalTrials.gov: the download's {@code Study URL}. */
  static final String STUDY_URL = "https://clinicaltrials.gov/study/";

  /** Where ClinicalTrials.gov keeps a study's documents: the download's {@code Study Documents}. */
  static final String DOCUMENTS_URL = "https://storage.googleapis.com/ctgov2-large-docs/";

  /** The download's columns, in its order. */
  static final List<Column> DOWNLOAD = List.of(
      one("NCT Number", ID + "nctId"),
      one("Study Title", ID + "briefTitle"),
      new Column("Study URL", List.of(), CsvColumns::studyUrl),
      one("Acronym", ID + "acronym"),
      one("Study Status", ST + "overallStatus"),
      one("Brief Summary", "protocolSection.descriptionModule.briefSummary"),
      new Column("Study Results", List.of("hasResults"), CsvColumns::studyResults),
      one("Conditions", "protocolSection.conditionsModule.conditions"),
      new Column("Interventions", List.of(AI + "interventions.type", AI + "interventions.name"),
          s -> items(s, AI + "interventions", i -> join(": ", text(i, "type"), text(i, "name")))),
      outcomes("Primary", "primaryOutcomes"),
      outcomes("Secondary", "secondaryOutcomes"),
      outcomes("Other", "otherOutcomes"),
      one("Sponsor", SP + "leadSponsor.name"),
      one("Collaborators", SP + "collaborators.name"),
      one("Sex", EL + "sex"),
      // The live download's Age is the standard age groups alone: "ADULT, OLDER_ADULT".
      new Column("Age", List.of(EL + "minimumAge", EL + "maximumAge", EL + "stdAges"),
          s -> String.join(", ", StudyFields.values(s, EL + "stdAges"))),
      one("Phases", DS + "phases"),
      one("Enrollment", DS + "enrollmentInfo.count"),
      one("Funder Type", SP + "leadSponsor.class"),
      one("Study Type", DS + "studyType"),
      new Column("Study Design", List.of(DS + "designInfo.allocation", DS + "designInfo.interventionModel",
          DS + "designInfo.observationalModel", DS + "designInfo.timePerspective", DS + "designInfo.maskingInfo.masking",
          DS + "designInfo.maskingInfo.whoMasked", DS + "designInfo.primaryPurpose"), CsvColumns::studyDesign),
      new Column("Other IDs", List.of(ID + "orgStudyIdInfo.id", ID + "secondaryIdInfos.id"), s -> {
        List<String> ids = new ArrayList<>(StudyFields.values(s, ID + "orgStudyIdInfo.id"));
        ids.addAll(StudyFields.values(s, ID + "secondaryIdInfos.id"));
        return String.join("|", ids);
      }),
      one("Start Date", ST + "startDateStruct.date"),
      one("Primary Completion Date", ST + "primaryCompletionDateStruct.date"),
      one("Completion Date", ST + "completionDateStruct.date"),
      one("First Posted", ST + "studyFirstPostDateStruct.date"),
      one("Results First Posted", ST + "resultsFirstPostDateStruct.date"),
      one("Last Update Posted", ST + "lastUpdatePostDateStruct.date"),
      new Column("Locations", List.of(LO + "facility", LO + "city", LO + "state", LO + "zip", LO + "country"),
          s -> items(s, "protocolSection.contactsLocationsModule.locations", l -> join(", ", text(l, "facility"),
              text(l, "city"), text(l, "state"), text(l, "zip"), text(l, "country")))),
      new Column("Study Documents", List.of(DOC + "label", DOC + "filename"), CsvColumns::studyDocuments));

  private static final Map<String, Column> BY_TITLE = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private static final Map<String, Column> BY_PATH = new TreeMap<>();

  static {
    for (Column c : DOWNLOAD) {
      BY_TITLE.put(c.title(), c);
      c.paths().forEach(p -> BY_PATH.put(p, c));
    }
  }

  private CsvColumns() {}

  /**
   * The columns {@code fields=} names, or the download's when it names none.
   *
   * @throws HttpServer.BadRequest naming the first item that is neither a column title, a piece
   *     name nor a field path
   */
  static List<Column> select(List<String> items) {
    if (items.isEmpty()) {
      return DOWNLOAD;
    }
    Set<Column> download = new LinkedHashSet<>();
    Set<String> pieces = new LinkedHashSet<>();
    List<Column> own = new ArrayList<>();
    for (String item : items) {
      Column titled = BY_TITLE.get(item);
      if (titled != null) {
        download.add(titled);
        continue;
      }
      StudyFields.Field f;
      try {
        f = StudyFields.model().resolve(item);
      } catch (IllegalArgumentException e) {
        // ClinicalTrials.gov's words first, then what trialdex takes.
        throw new HttpServer.BadRequest("Parameter 'fields' contains invalid field name: '" + item
            + "'; with format=csv give a column title (" + DOWNLOAD.stream().map(Column::title)
            .collect(Collectors.joining(", ")) + "), a piece name (NCTId, BriefTitle...) or a field path");
      }
      Column part = BY_PATH.get(f.path());
      if (part != null) {
        download.add(part);
      } else if (pieces.add(f.path())) {
        own.add(new Column(FieldStats.piece(f), List.of(f.path()), s -> String.join("|", StudyFields.values(s, f.path()))));
      }
    }
    List<Column> out = new ArrayList<>();
    DOWNLOAD.stream().filter(download::contains).forEach(out::add);
    out.addAll(own);
    return List.copyOf(out);
  }

  /** Writes the header row. */
  static void header(List<Column> columns, Appendable out) throws IOException {
    out.append(columns.stream().map(c -> Render.csvField(c.title())).collect(Collectors.joining(","))).append("\r\n");
  }

  /** Writes one study's row: each cell neutralised and quoted by {@link Render#csvField}. */
  static void row(List<Column> columns, JsonNode study, Appendable out) throws IOException {
    out.append(columns.stream().map(c -> Render.csvField(c.cell().apply(study))).collect(Collectors.joining(",")))
        .append("\r\n");
  }

  // --- cells

  /** A column of one field, its values (a list's items) joined by "|". */
  private static Column one(String title, String path) {
    return new Column(title, List.of(path), s -> String.join("|", StudyFields.values(s, path)));
  }

  /** "Measure, description, time frame" for each outcome, joined by "|"; empty parts left out. */
  private static Column outcomes(String which, String member) {
    String path = OU + member;
    return new Column(which + " Outcome Measures", List.of(path + ".measure", path + ".description", path + ".timeFrame"),
        s -> items(s, path, o -> join(", ", text(o, "measure"), text(o, "description"), text(o, "timeFrame"))));
  }

  private static String studyUrl(JsonNode s) {
    String id = s.at("/protocolSection/identificationModule/nctId").asText("");
    // A record kept under another registry's id has no page on ClinicalTrials.gov.
    return id.startsWith("NCT") ? STUDY_URL + id : "";
  }

  private static String studyResults(JsonNode s) {
    JsonNode has = s.get("hasResults");
    boolean results = has != null && has.isBoolean() ? has.booleanValue() : s.has("resultsSection");
    return results ? "YES" : "NO";
  }

  /**
   * "Allocation: RANDOMIZED|Intervention Model: PARALLEL|Masking: DOUBLE (PARTICIPANT,
   * INVESTIGATOR)|Primary Purpose: TREATMENT" for an interventional study, "Observational Model:
   * COHORT|Time Perspective: PROSPECTIVE" for an observational one; every label of the study's type
   * is written, with an empty value when the record has none.
   */
  private static String studyDesign(JsonNode s) {
    JsonNode design = s.at("/protocolSection/designModule/designInfo");
    if (design.isMissingNode() || design.isEmpty()) {
      return "";
    }
    if (design.has("observationalModel") || design.has("timePerspective")) {
      return "Observational Model: " + text(design, "observationalModel") + "|Time Perspective: "
          + text(design, "timePerspective");
    }
    String masking = design.at("/maskingInfo/masking").asText("");
    List<String> who = StudyFields.values(design, "maskingInfo.whoMasked");
    if (!masking.isEmpty() && !who.isEmpty()) {
      masking += " (" + String.join(", ", who) + ")";
    }
    return "Allocation: " + text(design, "allocation") + "|Intervention Model: " + text(design, "interventionModel")
        + "|Masking: " + masking + "|Primary Purpose: " + text(design, "primaryPurpose");
  }

  /**
   * "Study Protocol, https://storage.googleapis.com/ctgov2-large-docs/45/NCT02983045/Prot_000.pdf"
   * for each document, joined by "|": the folder is the NCT number's last two digits.
   */
  private static String studyDocuments(JsonNode s) {
    String id = s.at("/protocolSection/identificationModule/nctId").asText("");
    String folder = id.length() >= 2 ? id.substring(id.length() - 2) : id;
    return items(s, "documentSection.largeDocumentModule.largeDocs", d -> {
      String file = text(d, "filename");
      return join(", ", text(d, "label"), file.isEmpty() ? "" : DOCUMENTS_URL + folder + "/" + id + "/" + file);
    });
  }

  /** Each element of the list at {@code path}, written by {@code item}, joined by "|" (empty ones left out). */
  private static String items(JsonNode s, String path, Function<JsonNode, String> item) {
    JsonNode list = s;
    for (String part : path.split("\\.")) {
      list = list.path(part);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : list) {
      String text = item.apply(e);
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return String.join("|", out);
  }

  private static String text(JsonNode node, String member) {
    JsonNode v = node.get(member);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

  private static String join(String separator, String... parts) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (!p.isEmpty()) {
        kept.add(p);
      }
    }
    return String.join(separator, kept);
  }
}
