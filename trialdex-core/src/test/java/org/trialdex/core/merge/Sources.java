package org.trialdex.core.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;

/**
 * Hand-written source records of one trial, NCT00953485 (stromal cells for Sjögren's syndrome, the
 * trial of seed page 004): {@link #registry()} as ClinicalTrials.gov gives it, {@link #page()} as
 * a portal page shows it. Each test changes the fields it is about with {@link Given#set}.
 */
final class Sources {

  private Sources() {}

  static final String ELIGIBILITY = "protocolSection.eligibilityModule.";
  static final String STATUS = "protocolSection.statusModule.";
  static final String LOCATIONS = "protocolSection.contactsLocationsModule.locations";

  // The registry's record, trimmed to the modules the tests need.
  private static final String REGISTRY = """
      {
        "protocolSection": {
          "identificationModule": {
            "nctId": "NCT00953485",
            "briefTitle": "Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome (pSS)"
          },
          "statusModule": {
            "statusVerifiedDate": "2009-08",
            "overallStatus": "RECRUITING",
            "startDateStruct": {"date": "2009-06"},
            "lastUpdateSubmitDate": "2009-08-19",
            "lastUpdatePostDateStruct": {"date": "2009-08-20", "type": "ESTIMATED"}
          },
          "conditionsModule": {"conditions": ["Sjögren's Syndrome"], "keywords": ["MSC", "pSS"]},
          "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1", "PHASE2"],
            "enrollmentInfo": {"count": 20, "type": "ESTIMATED"}},
          "eligibilityModule": {
            "eligibilityCriteria": "Inclusion Criteria:\\n\\n* man or woman aged from 15 to 70 years old\\n* SSDAI \\u22658\\n\\nExclusion Criteria:\\n\\n* End-stage renal failure.",
            "sex": "ALL",
            "minimumAge": "15 Years",
            "maximumAge": "70 Years",
            "stdAges": ["CHILD", "ADULT", "OLDER_ADULT"]
          },
          "contactsLocationsModule": {
            "locations": [
              {"facility": "The Affiliated Drum Tower Hospital of Nanjing University Medical School",
               "status": "RECRUITING", "city": "Nanjing", "state": "Jiangsu", "zip": "210008", "country": "China"},
              {"facility": "Jiangsu Province Hospital", "city": "Nanjing", "country": "China"}
            ]
          }
        }
      }
      """;

  // What seed page 004 shows of the same trial: ages 13 to 68, one location, no zip in the list.
  private static final String PAGE = """
      {
        "protocolSection": {
          "identificationModule": {
            "nctId": "NCT00953485",
            "briefTitle": "Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome (pSS)",
            "officialTitle": "Clinical Trial of Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome - Phase Ⅰ/Ⅱ"
          },
          "statusModule": {
            "statusVerifiedDate": "2009-08-01",
            "overallStatus": "RECRUITING",
            "startDateStruct": {"date": "2009-06-01"},
            "lastUpdatePostDateStruct": {"date": "2009-08-20"}
          },
          "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2", "PHASE1"],
            "enrollmentInfo": {"count": 20}},
          "eligibilityModule": {
            "eligibilityCriteria": "Inclusion Criteria:\\n\\n  • man or woman aged from 15 to 70 years old\\n  • SSDAI ≥8\\n\\nExclusion Criteria:\\n\\n  • End-stage renal failure.",
            "sex": "ALL",
            "minimumAge": "13 Years",
            "maximumAge": "68 Years"
          },
          "contactsLocationsModule": {
            "locations": [
              {"facility": "The Affiliated Drum Tower Hospital of Nanjing University Medical School",
               "status": "RECRUITING", "city": "Nanjing", "state": "Jiangsu", "country": "China"}
            ]
          }
        }
      }
      """;

  static final Provenance REGISTRY_FILE = new Provenance("ctgov-classic-fields", "msc_studyfields_2022-10.jsonl", "line 71");
  static final Provenance PAGE_FILE = new Provenance("registry-page", "004_0041cbfd29221786.txt", "",
      Map.of(Provenance.LAYOUT, "portal-list"));
  static final Instant RECORDED = Instant.parse("2024-06-01T00:00:00Z");

  static Given registry() {
    return new Given(REGISTRY);
  }

  static Given page() {
    return new Given(PAGE);
  }

  /** A record under construction: JSON edited by dotted path. */
  static final class Given {
    private final ObjectNode tree;

    Given(String json) {
      try {
        this.tree = (ObjectNode) StudyJson.standard().mapper().readTree(json);
      } catch (Exception e) {
        throw new IllegalStateException("test record is not JSON: " + e.getMessage(), e);
      }
    }

    Given(Study study) {
      this.tree = (ObjectNode) StudyJson.standard().tree(study);
    }

    /** Sets the member at a dotted path (parents created) to a JSON value. */
    Given set(String path, String json) {
      try {
        JsonNode value = StudyJson.standard().mapper().readTree(json);
        parent(path).set(path.substring(path.lastIndexOf('.') + 1), value);
        return this;
      } catch (Exception e) {
        throw new IllegalStateException("not JSON: " + json, e);
      }
    }

    Given remove(String path) {
      parent(path).remove(path.substring(path.lastIndexOf('.') + 1));
      return this;
    }

    Study study() {
      return StudyJson.standard().read(tree.deepCopy());
    }

    SourceRecord as(String sourceKey, Provenance provenance, int version) {
      return SourceRecord.of(sourceKey, study(), provenance, version, RECORDED);
    }

    SourceRecord asRegistry() {
      return as("ctgov-classic-fields", REGISTRY_FILE, 2);
    }

    SourceRecord asPage() {
      return as("registry-page:portal-list", PAGE_FILE, 1);
    }

    private ObjectNode parent(String path) {
      ObjectNode node = tree;
      String[] parts = path.split("\\.");
      for (int i = 0; i < parts.length - 1; i++) {
        node = node.withObjectProperty(parts[i]);
      }
      return node;
    }
  }
}
