package org.trialdex.core.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names compare by their words: the forms registries and MeSH write the same name in are one key. */
class WordsTest {

  @Test
  void invertedHeadingsPossessivesPluralsAndCaseAreOneName() {
    assertEquals(Words.key("non small cell lung carcinoma"), Words.key("Carcinoma, Non-Small-Cell Lung"));
    assertEquals(Words.key("Crohn Disease"), Words.key("Crohn's disease"));
    assertEquals(Words.key("Crohn Disease"), Words.key("CROHN’S DISEASES"));
    assertEquals(Words.key("Sjogren's Syndrome"), Words.key("Sjögren syndrome"));
    assertEquals(Words.key("Graft vs Host Disease"), Words.key("graft-versus-host disease"));
    assertEquals(Words.key("acute GVHD"), Words.key("GVHD,Acute"));
    assertEquals(Words.key("Cancer of the Lung"), Words.key("Lung Neoplasms"));
    assertEquals(Words.key("breast tumour"), Words.key("Breast Neoplasm"));
    assertEquals(Words.key("Diabetes Mellitus, Type II"), Words.key("type 2 diabetes mellitus"));
    assertEquals(Words.key("injuries, spinal cord"), Words.key("Spinal Cord Injury"));
  }

  @Test
  void britishSpellingsFromTheCuratedListAreTheUsOnes() {
    assertEquals(Words.key("acute myeloid leukemia"), Words.key("Acute Myeloid Leukaemia"));
    assertEquals(Words.key("ischemic stroke"), Words.key("ischaemic stroke"));
    assertEquals(Words.key("aplastic anemia"), Words.key("Aplastic Anaemia"));
  }

  @Test
  void differentWordsStayDifferent() {
    assertNotEquals(Words.key("Hypertension, Pulmonary"), Words.key("Hypertension"));
    assertNotEquals(Words.key("Small Cell Lung Carcinoma"), Words.key("Non-Small Cell Lung Carcinoma"));
    assertNotEquals(Words.key("type 1 diabetes"), Words.key("type 2 diabetes"));
    // Short words keep their s: "ms" is not "m", and "sclerosis" is not "scleros".
    assertEquals(List.of("ms"), Words.of("MS"));
    assertEquals(List.of("multiple", "sclerosis"), Words.of("Multiple Sclerosis"));
  }

  @Test
  void hostileTextGivesWordsOrNothingNeverAnError() {
    assertEquals(List.of(), Words.of(null));
    assertEquals(List.of(), Words.of("  \t\n"));
    assertEquals(List.of(), Words.of("\u0000\u0007 ''' ,,, --- ()"));
    assertEquals("", Words.key("of the and"));
    String huge = "asthma ".repeat(100_000);
    assertEquals("asthma", Words.key(huge));
    assertTrue(Words.of("日本語 のテキスト").isEmpty(), "non-Latin scripts have no words here; search falls back to text");
  }
}
