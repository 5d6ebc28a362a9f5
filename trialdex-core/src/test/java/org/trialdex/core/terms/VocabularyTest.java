package org.trialdex.core.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.core.terms.Vocabulary.Area;
import org.trialdex.testing.SharedData;

/**
 * The vocabulary of the shared terminology folder. Expected descriptors are MeSH's own (NLM's
 * published ids and hierarchy, as a reader of the MeSH browser finds them), not read from the files.
 */
class VocabularyTest {

  private static Vocabulary vocabulary;

  @BeforeAll
  static void load() {
    vocabulary = Vocabulary.load(SharedData.terms());
  }

  private static Set<String> ids(Area area, String text) {
    return Set.copyOf(vocabulary.lookup(area, text).stream().map(Concept::id).toList());
  }

  @Test
  void layAndProfessionalNamesNameTheSameDescriptor() {
    // MeSH D009203 Myocardial Infarction lists "Heart Attack" among its entry terms.
    assertTrue(ids(Area.CONDITION, "heart attack").contains("D009203"));
    assertTrue(ids(Area.CONDITION, "Myocardial infarction").contains("D009203"));
    // D006973 Hypertension: entry term "High Blood Pressure".
    assertEquals(Set.of("D006973"), ids(Area.CONDITION, "high blood pressure"));
    assertEquals(Set.of("D006973"), ids(Area.CONDITION, "Hypertension"));
    // Lung cancer is D008175 Lung Neoplasms (MeSH names cancers "Neoplasms").
    assertTrue(ids(Area.CONDITION, "lung cancer").contains("D008175"));
    assertEquals(Set.of("D002289"), ids(Area.CONDITION, "Non-small cell lung cancer"));
    assertEquals(Set.of("D012859"), ids(Area.CONDITION, "Sjögren's syndrome"));
    assertEquals(Set.of("D003924"), ids(Area.CONDITION, "type 2 diabetes"));
  }

  @Test
  void narrowerDescriptorsHaveTheBroaderOnesAbove() {
    // NSCLC (C04.588.894.797.520.109.220.249) is below Lung Neoplasms (C04.588.894.797.520).
    assertTrue(vocabulary.closure("D002289").contains("D008175"));
    // Type 2 diabetes is below Diabetes Mellitus (D003920).
    assertTrue(vocabulary.closure("D003924").contains("D003920"));
    // Pulmonary hypertension (D006976) is not below systemic hypertension (D006973).
    assertFalse(vocabulary.closure("D006976").contains("D006973"));
  }

  @Test
  void theCuratedListAddsWhatTerminologiesLack() {
    // MeSH has no acute GVHD descriptor: the curated concept sits below D006086 Graft vs Host Disease.
    List<Concept> acute = vocabulary.lookup(Area.CONDITION, "aGVHD");
    assertEquals(1, acute.size());
    assertEquals(Concept.Source.CURATED, acute.getFirst().source());
    assertEquals(List.of("D006086"), vocabulary.mesh(acute.getFirst().id()).stream().map(Concept::id).toList());
    for (String form : List.of("acute GvHD", "acute graft-versus-host disease", "GVHD, acute", "Acute GVH Disease")) {
      assertEquals(acute, vocabulary.lookup(Area.CONDITION, form), form);
    }
    // Chronic GVHD is another concept below the same descriptor.
    assertFalse(vocabulary.lookup(Area.CONDITION, "cGVHD").equals(acute));
    // Pulmonary arterial hypertension is placed below pulmonary hypertension, not below hypertension.
    Concept pah = vocabulary.lookup(Area.CONDITION, "pulmonary arterial hypertension").getFirst();
    assertTrue(vocabulary.closure(pah.id()).contains("D006976"));
    assertFalse(vocabulary.closure(pah.id()).contains("D006973"));
  }

  @Test
  void aLongerConditionNamesTheConceptsItContains() {
    List<Vocabulary.Match> found = vocabulary.find(Area.CONDITION, "Steroid-Refractory Acute Graft-versus-Host Disease");
    assertEquals(List.of("D006086"), found.stream().flatMap(m -> vocabulary.mesh(m.concept().id()).stream())
        .map(Concept::id).distinct().toList());
    Set<String> breast = Set.copyOf(vocabulary.find(Area.CONDITION, "Breast Cancer With Lung Metastases").stream()
        .map(m -> m.concept().id()).toList());
    assertTrue(breast.contains("D001943"), breast.toString()); // Breast Neoplasms
    assertFalse(breast.contains("D008175"), "lung metastases are not lung cancer: " + breast);
  }

  @Test
  void drugsAndProceduresAreInterventionsNotConditions() {
    // D007328 Insulin is a drug (D tree); it names no condition.
    assertTrue(ids(Area.INTERVENTION, "Insulin").contains("D007328"));
    assertTrue(ids(Area.CONDITION, "Insulin").isEmpty());
    // D018380 Hematopoietic Stem Cell Transplantation is a procedure (E tree).
    assertTrue(ids(Area.INTERVENTION, "hematopoietic stem cell transplantation").contains("D018380"));
  }

  @Test
  void anAmbiguousAbbreviationNamesNothingUnlessTheCuratedListDecides() {
    // "MS" is decided by the curated list (multiple sclerosis, D009103) for conditions.
    assertEquals(Set.of("D009103"), ids(Area.CONDITION, "MS"));
    assertTrue(ids(Area.CONDITION, "").isEmpty());
    assertTrue(vocabulary.find(Area.CONDITION, "x".repeat(100_000)).isEmpty());
  }

  @Test
  void theFingerprintIsTheSameForTheSameFilesAndDiffersForOthers() {
    // Loaded again, not the cached one: an index checks the fingerprint in every process.
    assertEquals(vocabulary.fingerprint(), VocabularyLoader.load(SharedData.terms()).fingerprint());
    assertFalse(Vocabulary.curated().fingerprint().equals(vocabulary.fingerprint()));
  }

  @Test
  void aMissingOrMalformedFolderIsNamedWithFileAndLine(@TempDir Path dir) throws IOException {
    VocabularyException none = assertThrows(VocabularyException.class, () -> Vocabulary.load(dir.resolve("absent")));
    assertTrue(none.getMessage().startsWith("No terminology folder at "), none.getMessage());
    Files.createDirectories(dir.resolve("mesh"));
    VocabularyException missing = assertThrows(VocabularyException.class, () -> Vocabulary.load(dir));
    assertTrue(missing.getMessage().startsWith("Missing terminology file "), missing.getMessage());
    Files.writeString(dir.resolve("mesh/2017MeshTree.txt"), "Tree Number\tDesc Ui\tTerm\nC20.452\tD006086\tGVHD\n");
    Files.writeString(dir.resolve("mesh/mesh_id_label_entryterms_2019.tsv"),
        "D006086\tGraft vs Host Disease\tGVHD\nnot a descriptor line\n");
    VocabularyException bad = assertThrows(VocabularyException.class, () -> Vocabulary.load(dir));
    assertTrue(bad.getMessage().contains("mesh_id_label_entryterms_2019.tsv line 2"), bad.getMessage());
  }

  @Test
  void theCuratedListAloneStillKnowsItsGroups() {
    Vocabulary curated = Vocabulary.curated();
    Concept acute = curated.lookup(Area.CONDITION, "aGVHD").getFirst();
    assertEquals(acute, curated.lookup(Area.CONDITION, "acute graft versus host disease").getFirst());
    assertTrue(curated.lookup(Area.CONDITION, "hypertension").isEmpty(), "no MeSH, no hypertension");
  }
}
