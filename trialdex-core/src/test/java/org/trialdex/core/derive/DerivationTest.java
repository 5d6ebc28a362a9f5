package org.trialdex.core.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.testing.SharedData;

/** Derived fields, checked against ClinicalTrials.gov's published rules and hand-made records. */
class DerivationTest {

  private static final StudyJson JSON = StudyJson.standard();

  private static ObjectNode record(String eligibility) {
    return (ObjectNode) JSON.mapper().valueToTree(JSON.read("""
        {"protocolSection": {"identificationModule": {"nctId": "NCT00000001"},
          "eligibilityModule": %s}}""".formatted(eligibility)));
  }

  private static List<String> ages(String min, String max) {
    String e = "{" + (min == null ? "" : "\"minimumAge\": \"" + min + "\"")
        + (min != null && max != null ? ", " : "") + (max == null ? "" : "\"maximumAge\": \"" + max + "\"") + "}";
    ObjectNode tree = record(e);
    new Derivation(Vocabulary.curated()).apply(tree);
    List<String> groups = new java.util.ArrayList<>();
    tree.path("protocolSection").path("eligibilityModule").path("stdAges").forEach(g -> groups.add(g.asText()));
    return groups;
  }

  @Test
  void ageGroupsFollowClinicalTrialsGovsBands() {
    // Child: birth to 17; adult: 18 to 64; older adult: 65 and over (the ClinicalTrials.gov glossary).
    assertEquals(List.of("ADULT", "OLDER_ADULT"), ages("18 Years", null));
    assertEquals(List.of("CHILD", "ADULT", "OLDER_ADULT"), ages(null, null));
    assertEquals(List.of("CHILD"), ages("6 Months", "17 Years"));
    assertEquals(List.of("CHILD", "ADULT"), ages("12 Years", "18 Years"));
    assertEquals(List.of("ADULT"), ages("18 Years", "64 Years"));
    assertEquals(List.of("ADULT", "OLDER_ADULT"), ages("50 Years", "65 Years"));
    assertEquals(List.of("OLDER_ADULT"), ages("65 Years", "N/A"));
    assertEquals(List.of("CHILD"), ages("N/A", "28 Days"));
  }

  @Test
  void unreadableOrContradictoryAgesDeriveNothing() {
    assertEquals(List.of(), ages("eighteen", null));
    assertEquals(List.of(), ages("70 Years", "18 Years"));
  }

  @Test
  void aValueTheRecordHasIsNeverReplaced() {
    ObjectNode tree = record("{\"minimumAge\": \"18 Years\", \"stdAges\": [\"ADULT\"]}");
    tree.put("hasResults", false);
    List<String> derived = new Derivation(Vocabulary.curated()).apply(tree);
    assertEquals(List.of(), derived);
    assertEquals("[\"ADULT\"]", tree.path("protocolSection").path("eligibilityModule").path("stdAges").toString());
    Study study = JSON.read(tree);
    assertSame(study, new Derivation(Vocabulary.curated()).apply(study).study());
  }

  private static ObjectNode sponsored(String identification, String sponsors) {
    return (ObjectNode) JSON.mapper().valueToTree(JSON.read("""
        {"protocolSection": {"identificationModule": %s, "sponsorCollaboratorsModule": %s}}"""
        .formatted(identification, sponsors)));
  }

  @Test
  void organizationAndAgencyClassesComeFromTheSponsorsWhereTheRecordLacksThem() {
    // As a registry page gives it: a lead sponsor and a collaborator without classes, no organization.
    ObjectNode page = sponsored("{\"nctId\": \"NCT03219801\"}", """
        {"leadSponsor": {"name": "Hebei Medical University"},
         "collaborators": [{"name": "Cellular Biomedicine Group Ltd."}, {"name": "Quanhai Li"}]}""");
    List<String> derived = new Derivation(Vocabulary.curated()).apply(page);
    JsonNodeAssert.path(page, "/protocolSection/sponsorCollaboratorsModule/leadSponsor/class", "OTHER");
    JsonNodeAssert.path(page, "/protocolSection/sponsorCollaboratorsModule/collaborators/0/class", "INDUSTRY");
    JsonNodeAssert.path(page, "/protocolSection/sponsorCollaboratorsModule/collaborators/1/class", "UNKNOWN");
    JsonNodeAssert.path(page, "/protocolSection/identificationModule/organization/fullName", "Hebei Medical University");
    JsonNodeAssert.path(page, "/protocolSection/identificationModule/organization/class", "OTHER");
    assertTrue(derived.containsAll(List.of(Derivation.LEAD_SPONSOR_CLASS, Derivation.COLLABORATOR_CLASS,
        Derivation.ORGANIZATION)), derived.toString());

    // An organization named without a class: the lead sponsor's class when it is the same one.
    ObjectNode same = sponsored("{\"nctId\": \"NCT00000001\", \"organization\": {\"fullName\": \"Pfizer\"}}",
        "{\"leadSponsor\": {\"name\": \"Pfizer\", \"class\": \"INDUSTRY\"}}");
    assertEquals(List.of(Derivation.ORGANIZATION + ".class"), new Derivation(Vocabulary.curated()).apply(same)
        .stream().filter(p -> p.contains("organization") || p.contains("Sponsor")).toList());
    JsonNodeAssert.path(same, "/protocolSection/identificationModule/organization/class", "INDUSTRY");

    // Classes the record has are kept, even where the name would say otherwise.
    ObjectNode kept = sponsored("{\"nctId\": \"NCT00000001\", \"organization\": {\"fullName\": \"Acme Inc\", \"class\": \"OTHER\"}}",
        "{\"leadSponsor\": {\"name\": \"Acme Inc\", \"class\": \"OTHER\"}}");
    List<String> none = new Derivation(Vocabulary.curated()).apply(kept);
    assertTrue(none.stream().noneMatch(p -> p.contains("organization") || p.contains("Sponsor")), none.toString());
    JsonNodeAssert.path(kept, "/protocolSection/identificationModule/organization/class", "OTHER");
  }

  /** A JSON pointer's text. */
  private static final class JsonNodeAssert {
    static void path(ObjectNode tree, String pointer, String expected) {
      assertEquals(expected, tree.at(pointer).asText(null), pointer);
    }
  }

  @Test
  void hasResultsFollowsTheResultsSection() {
    ObjectNode with = record("{}");
    with.putObject("resultsSection").putObject("participantFlowModule").put("preAssignmentDetails", "x");
    ObjectNode without = record("{}");
    new Derivation(Vocabulary.curated()).apply(with);
    List<String> derived = new Derivation(Vocabulary.curated()).apply(without);
    assertTrue(with.get("hasResults").asBoolean());
    assertEquals(false, without.get("hasResults").asBoolean());
    assertTrue(derived.contains(Derivation.HAS_RESULTS));
  }

  @Test
  void conditionBrowseModuleIsDescriptorsAndAncestorsAsClinicalTrialsGovDerivesIt() {
    Vocabulary mesh = Vocabulary.load(SharedData.terms());
    ObjectNode tree = (ObjectNode) JSON.mapper().valueToTree(JSON.read("""
        {"protocolSection": {"identificationModule": {"nctId": "NCT00000002"},
          "conditionsModule": {"conditions": ["Steroid-refractory Acute GVHD", "Non-small Cell Lung Cancer"]},
          "armsInterventionsModule": {"interventions": [{"type": "DRUG", "name": "Insulin"}]}}}"""));
    List<String> derived = new Derivation(mesh).apply(tree);
    assertTrue(derived.contains(Derivation.CONDITION_BROWSE) && derived.contains(Derivation.INTERVENTION_BROWSE),
        derived.toString());
    JsonNode browse = tree.path("derivedSection").path("conditionBrowseModule");
    List<String> meshes = new java.util.ArrayList<>();
    browse.path("meshes").forEach(m -> meshes.add(m.path("id").asText() + " " + m.path("term").asText()));
    // GVHD is D006086; NSCLC D002289 (MeSH has no acute GVHD descriptor: the nearest is GVHD).
    assertEquals(List.of("D006086 Graft vs Host Disease", "D002289 Carcinoma, Non-Small-Cell Lung"), meshes);
    List<String> ancestors = new java.util.ArrayList<>();
    browse.path("ancestors").forEach(m -> ancestors.add(m.path("id").asText()));
    // Lung Neoplasms (D008175) and Neoplasms (D009369) are above NSCLC; Immune System Diseases (D007154) above GVHD.
    assertTrue(ancestors.containsAll(List.of("D008175", "D009369", "D007154")), ancestors.toString());
    assertEquals("D007328", tree.path("derivedSection").path("interventionBrowseModule").path("meshes").path(0)
        .path("id").asText());
  }
}
