package org.trialdex.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/**
 * A small hand-written v2 record for rule tests: {@link #interventional()} and
 * {@link #observational()} are complete records that validate clean, and each test changes the
 * one field its rule is about with {@link #set} or {@link #remove}.
 */
final class GivenRecord {

  // A made-up interventional record with every element the PRS requires, consistent throughout.
  private static final String INTERVENTIONAL = """
      {
        "protocolSection": {
          "identificationModule": {
            "nctId": "NCT01234567",
            "orgStudyIdInfo": {"id": "TDX-001"},
            "organization": {"fullName": "Trialdex Test Hospital", "class": "OTHER"},
            "briefTitle": "Stromal Cells for Knee Osteoarthritis",
            "officialTitle": "A Randomized Trial of Mesenchymal Stromal Cells for Knee Osteoarthritis"
          },
          "statusModule": {
            "statusVerifiedDate": "2024-05",
            "overallStatus": "RECRUITING",
            "startDateStruct": {"date": "2023-02-01", "type": "ACTUAL"},
            "primaryCompletionDateStruct": {"date": "2026-01", "type": "ESTIMATED"},
            "completionDateStruct": {"date": "2026-06", "type": "ESTIMATED"},
            "studyFirstSubmitDate": "2022-11-10",
            "studyFirstPostDateStruct": {"date": "2022-11-15", "type": "ACTUAL"},
            "lastUpdateSubmitDate": "2024-05-02",
            "lastUpdatePostDateStruct": {"date": "2024-05-06", "type": "ACTUAL"}
          },
          "sponsorCollaboratorsModule": {
            "responsibleParty": {"type": "SPONSOR"},
            "leadSponsor": {"name": "Trialdex Test Hospital", "class": "OTHER"}
          },
          "descriptionModule": {"briefSummary": "Does an injection of stromal cells ease knee pain?"},
          "conditionsModule": {"conditions": ["Knee Osteoarthritis"], "keywords": ["MSC"]},
          "designModule": {
            "studyType": "INTERVENTIONAL",
            "phases": ["PHASE2"],
            "designInfo": {
              "allocation": "RANDOMIZED",
              "interventionModel": "PARALLEL",
              "primaryPurpose": "TREATMENT",
              "maskingInfo": {"masking": "DOUBLE"}
            },
            "enrollmentInfo": {"count": 60, "type": "ESTIMATED"}
          },
          "armsInterventionsModule": {
            "armGroups": [
              {"label": "MSC", "type": "EXPERIMENTAL", "interventionNames": ["Biological: Stromal cells"]},
              {"label": "Placebo", "type": "PLACEBO_COMPARATOR", "interventionNames": ["Other: Saline"]}
            ],
            "interventions": [
              {"type": "BIOLOGICAL", "name": "Stromal cells", "armGroupLabels": ["MSC"]},
              {"type": "OTHER", "name": "Saline", "armGroupLabels": ["Placebo"]}
            ]
          },
          "outcomesModule": {
            "primaryOutcomes": [{"measure": "WOMAC pain score", "timeFrame": "12 months"}]
          },
          "eligibilityModule": {
            "eligibilityCriteria": "Inclusion Criteria:\\n\\n* Knee osteoarthritis",
            "healthyVolunteers": false,
            "sex": "ALL",
            "minimumAge": "40 Years",
            "maximumAge": "80 Years"
          },
          "contactsLocationsModule": {
            "centralContacts": [{"name": "Study Desk", "role": "CONTACT", "email": "desk@example.org"}],
            "locations": [
              {"facility": "Trialdex Test Hospital", "status": "RECRUITING", "city": "Lyon", "country": "France",
               "geoPoint": {"lat": 45.75, "lon": 4.85}}
            ]
          }
        },
        "hasResults": false
      }
      """;

  // A made-up observational record, clean: no phases, interventions or outcomes required.
  private static final String OBSERVATIONAL = """
      {
        "protocolSection": {
          "identificationModule": {
            "nctId": "NCT07654321",
            "orgStudyIdInfo": {"id": "TDX-OBS-7"},
            "organization": {"fullName": "Trialdex Registry Group", "class": "OTHER"},
            "briefTitle": "Registry of Patients Treated With Stromal Cells"
          },
          "statusModule": {
            "statusVerifiedDate": "2021-03",
            "overallStatus": "COMPLETED",
            "startDateStruct": {"date": "2015-01", "type": "ACTUAL"},
            "completionDateStruct": {"date": "2020-12-31", "type": "ACTUAL"},
            "studyFirstSubmitDate": "2015-02-01",
            "lastUpdateSubmitDate": "2021-03-01"
          },
          "sponsorCollaboratorsModule": {
            "responsibleParty": {"type": "SPONSOR"},
            "leadSponsor": {"name": "Trialdex Registry Group"}
          },
          "descriptionModule": {"briefSummary": "Follows treated patients for five years."},
          "conditionsModule": {"conditions": ["Graft Versus Host Disease"]},
          "designModule": {
            "studyType": "OBSERVATIONAL",
            "designInfo": {"observationalModel": "COHORT", "timePerspective": "PROSPECTIVE"},
            "enrollmentInfo": {"count": 240, "type": "ACTUAL"}
          },
          "eligibilityModule": {
            "eligibilityCriteria": "Treated with stromal cells",
            "healthyVolunteers": false,
            "sex": "ALL"
          }
        },
        "hasResults": false
      }
      """;

  private final ObjectNode tree;

  private GivenRecord(String json) {
    try {
      this.tree = (ObjectNode) StudyJson.standard().mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("test record is not JSON: " + e.getMessage(), e);
    }
  }

  static GivenRecord interventional() {
    return new GivenRecord(INTERVENTIONAL);
  }

  static GivenRecord observational() {
    return new GivenRecord(OBSERVATIONAL);
  }

  /** Sets the member at a dotted path (parents created) to a JSON value: {@code "\"COMPLETED\""}, {@code "0"}. */
  GivenRecord set(String path, String json) {
    try {
      JsonNode value = StudyJson.standard().mapper().readTree(json);
      parent(path).set(leaf(path), value);
      return this;
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }

  /** Removes the member at a dotted path. */
  GivenRecord remove(String path) {
    parent(path).remove(leaf(path));
    return this;
  }

  Study study() {
    return StudyJson.standard().read(tree);
  }

  ValidationReport validate() {
    return new StudyValidator().validate(study());
  }

  private ObjectNode parent(String path) {
    ObjectNode node = tree;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.withObjectProperty(parts[i]);
    }
    return node;
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
