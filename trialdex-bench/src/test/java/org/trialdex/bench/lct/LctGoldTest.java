package org.trialdex.bench.lct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.bench.brat.BratDocument;
import org.trialdex.bench.brat.BratReader;
import org.trialdex.bench.lct.LctGold.Category;
import org.trialdex.bench.lct.LctGold.Gold;
import org.trialdex.bench.lct.LctGold.Window;
import org.trialdex.testing.SharedData;

/** Which LCT annotations become which gold constraints, on two real documents. */
class LctGoldTest {

  private static final String NIC = "data/lct-corpus/ner/nic/";

  @Test
  void ageLifeExpectancyAndPerformanceSpanFromTheNameOverTheComparison() {
    BratDocument doc = BratReader.read(SharedData.require(NIC + "batch1/NCT03860038.ann"));
    List<Gold> gold = LctGold.of(doc);
    assertEquals(List.of("Age ≥ 18"), texts(gold, Category.AGE));
    assertEquals(List.of("life expectancy of no less than 6 months"), texts(gold, Category.LIFE_EXPECTANCY));
    // The ECOG item's numeric filter hangs on the spelled-out name, not on "ECOG".
    assertEquals(List.of("Eastern Cooperative Oncology Group) performance status score of 0~2"), texts(gold, Category.PERFORMANCE));
    assertEquals(List.of(), texts(gold, Category.MEASUREMENT));
    // "male or female" are both there before the one-sex-per-item filter of the evaluation.
    assertEquals(List.of("female", "male"), texts(gold, Category.SEX));
  }

  @Test
  void negationCarriesOverOrAndTemporalityGivesTheWindow() {
    // "No history of intake of antibiotics or other medications affecting the periodontium in the previous 6 months."
    // "No periodontal therapy carried out in the past 6 months."
    BratDocument doc = BratReader.read(SharedData.require(NIC + "batch11/NCT03924336.ann"));
    List<Gold> drugs = LctGold.of(doc).stream().filter(g -> g.category() == Category.DRUG).toList();
    assertEquals(List.of("antibiotics", "medications"), drugs.stream().map(Gold::text).toList());
    assertEquals(List.of(true, true), drugs.stream().map(Gold::negated).toList());
    Gold therapy = LctGold.of(doc).stream().filter(g -> g.text().equals("periodontal therapy")).findFirst().orElseThrow();
    assertEquals(Category.PROCEDURE, therapy.category());
    assertEquals(true, therapy.negated());
    assertEquals(Window.WITHIN, therapy.window());
    assertEquals(List.of("age between 25 and 50 years"), texts(LctGold.of(doc), Category.AGE));
  }

  @Test
  void negationDoesNotRunBackwardsOverAnOrList() {
    // "contraindications to ECT, including myocardial infarction, cerebrovascular disease, ..., intracranial
    // angiomas, untreated bony fractures": the list is Or-joined and "untreated" negates only "treated".
    BratDocument doc = BratReader.read(SharedData.require(NIC + "batch11/NCT03863925.ann"));
    List<Gold> gold = LctGold.of(doc);
    for (String name : List.of("myocardial infarction", "cerebrovascular disease", "intracranial angiomas")) {
      Gold g = gold.stream().filter(x -> x.text().equals(name)).findFirst().orElseThrow();
      assertEquals(false, g.negated(), name);
    }
  }

  private static List<String> texts(List<Gold> gold, Category category) {
    return gold.stream().filter(g -> g.category() == category).map(Gold::text).toList();
  }
}
