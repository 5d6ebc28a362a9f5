package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/** The quoted sentence around a span of evidence, worked out by hand. */
class CellPanelsTest {

  private static String shown(Rich r) {
    StringBuilder b = new StringBuilder();
    for (Rich.Span s : r.spans()) {
      String t = s.superscript() ? "^" + s.text() : s.text();
      b.append(s.mark() == null ? t : "[" + t + "]");
    }
    return b.toString().replace("][", "");
  }

  @Test
  void theQuoteIsTheSentenceOfTheSpan() {
    String text = "Background first. Patients get 1×10^6 cells/kg intravenously. Then follow-up.";
    int start = text.indexOf("1×10");
    assertEquals("Patients get [1×10^6 cells/kg] intravenously.",
        shown(CellPanels.sentence(text, start, start + "1×10^6 cells/kg".length(), "Dose")));
  }

  @Test
  void spansAtTheEndsOfTheTextAndLineBreaks() {
    assertEquals("[MSC] given", shown(CellPanels.sentence("MSC given", 0, 3, "t")));
    assertEquals("given [MSC]", shown(CellPanels.sentence("given MSC", 6, 9, "t")));
    assertEquals("line two [MSC]", shown(CellPanels.sentence("line one\nline two MSC\nline three", 18, 21, "t")));
  }

  @Test
  void longSentencesAreCutAtASpaceWithEllipses() {
    String before = "word ".repeat(60);
    String after = " more".repeat(60);
    String text = before + "MSC" + after + ".";
    Rich r = CellPanels.sentence(text, before.length(), before.length() + 3, "t");
    String s = shown(r);
    assertTrue(s.startsWith("… word"), s);
    assertTrue(s.endsWith("more …"), s);
    assertTrue(s.contains(" [MSC] "), s);
    assertTrue(s.length() < 2 * 160 + 20, s);
  }

  @Test
  void fieldsAreNamedInWords() {
    Study s = StudyJson.standard().read("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT09999992","briefTitle":"T","officialTitle":"O"},
          "descriptionModule":{"briefSummary":"S","detailedDescription":"D"},
          "conditionsModule":{"keywords":["k1","k2"]},
          "armsInterventionsModule":{"armGroups":[{"label":"Control"},{"label":"MSC high dose","description":"A"}],
            "interventions":[{"name":"N1"},{"name":"N2","description":"I","otherNames":["x","y"]}]}}}
        """);
    String arms = "protocolSection.armsInterventionsModule.";
    assertEquals(new CellPanels.Field("Intervention 2 description", "I"), CellPanels.field(s, arms + "interventions[1].description").orElseThrow());
    assertEquals(new CellPanels.Field("Intervention 1 name", "N1"), CellPanels.field(s, arms + "interventions[0].name").orElseThrow());
    assertEquals(new CellPanels.Field("Intervention 2 other name", "y"), CellPanels.field(s, arms + "interventions[1].otherNames[1]").orElseThrow());
    assertEquals(new CellPanels.Field("Arm 'MSC high dose' description", "A"), CellPanels.field(s, arms + "armGroups[1].description").orElseThrow());
    assertEquals(new CellPanels.Field("Brief summary", "S"), CellPanels.field(s, "protocolSection.descriptionModule.briefSummary").orElseThrow());
    assertEquals(new CellPanels.Field("Detailed description", "D"), CellPanels.field(s, "protocolSection.descriptionModule.detailedDescription").orElseThrow());
    assertEquals(new CellPanels.Field("Official title", "O"), CellPanels.field(s, "protocolSection.identificationModule.officialTitle").orElseThrow());
    assertEquals(new CellPanels.Field("Keyword 2", "k2"), CellPanels.field(s, "protocolSection.conditionsModule.keywords[1]").orElseThrow());
    // Fields the record lacks, positions past the lists and unknown paths name nothing.
    assertEquals(Optional.empty(), CellPanels.field(s, arms + "armGroups[0].description"));
    assertEquals(Optional.empty(), CellPanels.field(s, arms + "interventions[5].description"));
    assertEquals(Optional.empty(), CellPanels.field(s, "protocolSection.eligibilityModule.eligibilityCriteria"));
    assertEquals(Optional.empty(), CellPanels.field(Study.empty(), "protocolSection.descriptionModule.briefSummary"));
  }

  @Test
  void evidenceThatNoLongerFitsItsFieldIsLeftOut() {
    String arms = "protocolSection.armsInterventionsModule.";
    Study before = StudyJson.standard().read("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT09999993","briefTitle":"A trial"},
          "armsInterventionsModule":{"interventions":[{"type":"BIOLOGICAL","name":"Bone marrow MSC",
            "description":"Bone marrow mesenchymal stromal cells, 1×10^6 cells/kg, given intravenously."}]}}}
        """);
    // The same record after an edit: the description is shorter and says something else.
    Study after = StudyJson.standard().read("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT09999993","briefTitle":"A trial"},
          "armsInterventionsModule":{"interventions":[{"type":"BIOLOGICAL","name":"Bone marrow MSC",
            "description":"Withdrawn."}]}}}
        """);
    CellTherapyProfile profile = CellTherapy.profile(before);
    assertTrue(profile.hasProduct());
    Map<String, List<Rich.Mark>> fresh = CellPanels.marks(before, profile);
    assertTrue(fresh.containsKey(arms + "interventions[0].description"), fresh::toString);
    Map<String, List<Rich.Mark>> stale = CellPanels.marks(after, profile);
    assertFalse(stale.containsKey(arms + "interventions[0].description"), stale::toString);
    // The name did not change, so its marks stay.
    assertEquals(fresh.get(arms + "interventions[0].name"), stale.get(arms + "interventions[0].name"));
    CellPanel panel = CellPanels.panel(after, profile).orElseThrow();
    for (CellPanel.Row row : panel.rows()) {
      for (CellPanel.Value v : row.values()) {
        for (CellPanel.Quote q : v.quotes()) {
          assertEquals("Intervention 1 name", q.field(), () -> row.label() + ": " + q);
        }
      }
    }
  }

  @Test
  void aRecordWithoutCellsHasNoPanelAndNoMarks() {
    Study s = StudyJson.standard().read("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT09999994","briefTitle":"Aspirin after stroke"},
          "armsInterventionsModule":{"interventions":[{"type":"DRUG","name":"Aspirin","description":"100 mg daily by mouth."}]}}}
        """);
    CellTherapyProfile profile = CellTherapy.profile(s);
    assertEquals(Optional.empty(), CellPanels.panel(s, profile));
    assertEquals(Map.of(), CellPanels.marks(s, profile));
  }
}
