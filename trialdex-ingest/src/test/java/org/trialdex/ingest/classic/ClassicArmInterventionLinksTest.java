package org.trialdex.ingest.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.ArmsInterventionsModule;
import org.trialdex.ingest.ReadResult;

/**
 * Arm ↔ intervention links are rebuilt from the two flattened lists only when exactly one relation
 * gives back both; small records the team wrote.
 */
class ClassicArmInterventionLinksTest {

  @Test
  void twoArmsSharingAnInterventionSplitInOneWayAndKeepTheSourceOrder() {
    ReadResult.Read read = read("""
        {"NCTId": ["NCT00000010"],
         "ArmGroupLabel": ["Cells", "Control"],
         "ArmGroupInterventionName": ["Biological: MSC", "Drug: Standard care", "Drug: Standard care"],
         "InterventionType": ["Biological", "Drug"],
         "InterventionName": ["MSC", "Standard care"],
         "InterventionArmGroupLabel": ["Cells", "Control", "Cells"]}""");
    ArmsInterventionsModule ai = read.study().protocolSection().armsInterventionsModule();
    assertEquals(List.of(List.of("Biological: MSC", "Drug: Standard care"), List.of("Drug: Standard care")),
        ai.armGroups().stream().map(a -> a.interventionNames()).toList());
    // Labels stay as the source wrote them; their order within one intervention does not decide the split.
    assertEquals(List.of(List.of("Cells"), List.of("Control", "Cells")),
        ai.interventions().stream().map(i -> i.armGroupLabels()).toList());
    assertEquals(List.of(), read.warnings());
  }

  @Test
  void anArmWithoutInterventionsGetsNoList() {
    ArmsInterventionsModule ai = read("""
        {"NCTId": ["NCT00000011"],
         "ArmGroupLabel": ["No treatment", "Cells"],
         "ArmGroupInterventionName": ["Biological: MSC"],
         "InterventionType": ["Biological"],
         "InterventionName": ["MSC"],
         "InterventionArmGroupLabel": ["Cells"]}""").study().protocolSection().armsInterventionsModule();
    assertNull(ai.armGroups().get(0).interventionNames());
    assertEquals(List.of("Biological: MSC"), ai.armGroups().get(1).interventionNames());
    assertEquals(List.of("Cells"), ai.interventions().get(0).armGroupLabels());
  }

  @Test
  void twoDosesOfTwoLikeNamedInterventionsSplitSeveralWaysAndAreLeftOutWithAWarning() {
    // Low→1st, High→2nd; or both→1st; or both→2nd: each gives back both lists.
    ReadResult.Read read = read("""
        {"NCTId": ["NCT00000012"],
         "ArmGroupLabel": ["Low dose", "High dose"],
         "ArmGroupInterventionName": ["Biological: MSC", "Biological: MSC"],
         "InterventionType": ["Biological", "Biological"],
         "InterventionName": ["MSC", "MSC"],
         "InterventionArmGroupLabel": ["High dose", "Low dose"]}""");
    ArmsInterventionsModule ai = read.study().protocolSection().armsInterventionsModule();
    assertEquals(2, ai.armGroups().size());
    ai.armGroups().forEach(a -> assertNull(a.interventionNames()));
    ai.interventions().forEach(i -> assertNull(i.armGroupLabels()));
    String why = "; read against each other, ArmGroupInterventionName and InterventionArmGroupLabel have at least 2"
        + " possible splits, so which arm uses which intervention is not guessed";
    assertEquals(List.of(
        "ArmGroupInterventionName: not mapped: these values belong to the 2 elements of"
            + " protocolSection.armsInterventionsModule.armGroups[], and the classic export flattens them into one list"
            + " without saying which belongs to which" + why,
        "InterventionArmGroupLabel: not mapped: these values belong to the 2 elements of"
            + " protocolSection.armsInterventionsModule.interventions[], and the classic export flattens them into one"
            + " list without saying which belongs to which" + why),
        read.warnings().stream().map(w -> w.field() + ": " + w.message()).toList());
  }

  @Test
  void listsThatContradictEachOtherHaveNoConsistentSplit() {
    // Each arm names one intervention, so A takes X and B takes Y; but X lists B first.
    ReadResult.Read read = read("""
        {"NCTId": ["NCT00000013"],
         "ArmGroupLabel": ["A", "B"],
         "ArmGroupInterventionName": ["Drug: X", "Drug: Y"],
         "InterventionType": ["Drug", "Drug"],
         "InterventionName": ["X", "Y"],
         "InterventionArmGroupLabel": ["B", "A"]}""");
    assertEquals(List.of("ArmGroupInterventionName", "InterventionArmGroupLabel"),
        read.warnings().stream().map(w -> w.field()).toList());
    read.warnings().forEach(w -> assertEquals(true, w.message().endsWith("; read against each other,"
        + " ArmGroupInterventionName and InterventionArmGroupLabel have no consistent split (no arm-intervention"
        + " relation gives both lists)"), w.message()));
    read.study().protocolSection().armsInterventionsModule().armGroups().forEach(a -> assertNull(a.interventionNames()));
  }

  @Test
  void aLabelThatIsNoArmIsNamedInTheWarning() {
    ReadResult.Read read = read("""
        {"NCTId": ["NCT00000014"],
         "ArmGroupLabel": ["A", "B"],
         "ArmGroupInterventionName": ["Drug: X", "Drug: X"],
         "InterventionType": ["Drug"],
         "InterventionName": ["X"],
         "InterventionArmGroupLabel": ["A", "Arm B"]}""");
    assertEquals(true, read.warnings().get(0).message().endsWith("have no consistent split (\"Arm B\" in"
        + " InterventionArmGroupLabel is no arm's label)"), read.warnings().get(0).message());
  }

  @Test
  void aPathologicalRecordStopsTheSearchAtTheStepLimit() {
    // Twelve like-labelled arms share twelve like-named interventions in countless ways, and the
    // lone arm's label comes first where only the last intervention could hold it: no split fits,
    // and proving it would take far more steps than the limit.
    List<String> labels = new ArrayList<>(Collections.nCopies(12, "Arm"));
    labels.add("Solo");
    List<String> keys = new ArrayList<>(Collections.nCopies(12, "Drug: X"));
    keys.add("Drug: Y");
    List<String> interventionSide = new ArrayList<>(List.of("Solo"));
    interventionSide.addAll(Collections.nCopies(12, "Arm"));
    assertInstanceOf(ArmInterventionSplit.Result.GaveUp.class,
        ArmInterventionSplit.split(labels, keys, keys, interventionSide));
  }

  private static ReadResult.Read read(String json) {
    return ClassicFields.only(ClassicFields.readText(json.replace("\n", " ")));
  }
}
