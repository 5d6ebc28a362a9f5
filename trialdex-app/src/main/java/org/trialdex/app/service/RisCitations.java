package org.trialdex.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A study record as a RIS citation (one {@code TY  - DBASE} entry), for reference managers: the
 * registry record cited the way NLM asks ClinicalTrials.gov records to be cited (database
 * ClinicalTrials.gov, National Library of Medicine (US), Bethesda (MD), the NCT number and the
 * record's address). The tags are docs/http.md's "Formats of one study" table. Lines end in CRLF,
 * as RIS requires; values are kept on one line.
 */
public final class RisCitations {

  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?");

  private RisCitations() {}

  /** The citation of {@code study}, a v2 study tree. */
  public static String of(JsonNode study) {
    JsonNode ps = study.path("protocolSection");
    JsonNode id = ps.path("identificationModule");
    StringBuilder sb = new StringBuilder();
    tag(sb, "TY", "DBASE");
    String official = id.path("officialTitle").asText("");
    String brief = id.path("briefTitle").asText("");
    tag(sb, "TI", official.isBlank() ? brief : official);
    if (!official.isBlank() && !brief.isBlank()) {
      tag(sb, "ST", brief);
    }
    tag(sb, "AU", ps.path("sponsorCollaboratorsModule").path("leadSponsor").path("name").asText(""));
    tag(sb, "DB", "ClinicalTrials.gov");
    tag(sb, "DP", "National Library of Medicine (US)");
    tag(sb, "CY", "Bethesda (MD)");
    String nct = id.path("nctId").asText("");
    tag(sb, "AN", nct);
    // The record's date is the day it was first posted (NLM's citation form), its year PY.
    var first = DATE.matcher(ps.path("statusModule").path("studyFirstPostDateStruct").path("date").asText(""));
    if (first.matches()) {
      tag(sb, "PY", first.group(1));
      tag(sb, "DA", first.group(1) + "/" + (first.group(2) == null ? "" : first.group(2))
          + "/" + (first.group(3) == null ? "" : first.group(3)));
    }
    for (JsonNode c : ps.path("conditionsModule").path("conditions")) {
      tag(sb, "KW", c.asText(""));
    }
    for (JsonNode k : ps.path("conditionsModule").path("keywords")) {
      tag(sb, "KW", k.asText(""));
    }
    tag(sb, "AB", ps.path("descriptionModule").path("briefSummary").asText(""));
    String status = ps.path("statusModule").path("overallStatus").asText("");
    String type = ps.path("designModule").path("studyType").asText("");
    StringBuilder note = new StringBuilder();
    if (!status.isBlank()) {
      note.append("Status: ").append(status.replace('_', ' ').toLowerCase(Locale.ROOT));
    }
    if (!type.isBlank()) {
      note.append(note.isEmpty() ? "" : "; ").append("Study type: ").append(type.replace('_', ' ').toLowerCase(Locale.ROOT));
    }
    tag(sb, "N1", note.toString());
    if (NCT.matcher(nct).matches()) {
      tag(sb, "UR", "https://clinicaltrials.gov/study/" + nct);
    }
    sb.append("ER  - \r\n");
    return sb.toString();
  }

  private static void tag(StringBuilder sb, String tag, String value) {
    // One line per tag: RIS readers end a value at the line break.
    String v = value.replaceAll("\\s+", " ").strip();
    if (!v.isEmpty()) {
      sb.append(tag).append("  - ").append(v).append("\r\n");
    }
  }
}
