package org.trialdex.bench.brat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.bench.brat.BratDocument.Argument;
import org.trialdex.bench.brat.BratDocument.Attribute;
import org.trialdex.bench.brat.BratDocument.Event;
import org.trialdex.bench.brat.BratDocument.Fragment;
import org.trialdex.bench.brat.BratDocument.Relation;
import org.trialdex.bench.brat.BratDocument.TextBound;
import org.trialdex.testing.SharedData;

/** Reading brat standoff files: two real LCT documents checked by hand, then what the reader refuses. */
class BratReaderTest {

  private static final String NIC = "data/lct-corpus/ner/nic/";

  @Test
  void readsEntitiesEventsRelationsAndAttributesOfAnLctDocument() {
    // Counts from grep -c '^T' (and E, R, A) on the file.
    BratDocument doc = BratReader.read(SharedData.require(NIC + "batch1/NCT03860038.ann"));
    assertEquals("NCT03860038", doc.name());
    assertEquals(73, doc.entities().size());
    assertEquals(39, doc.events().size());
    assertEquals(11, doc.relations().size());
    assertEquals(17, doc.attributes().size());

    // "Inclusion criteria:\n  1. Age ≥ 18, male or female;"
    assertEquals(new TextBound("T27", "Age", List.of(new Fragment(25, 28)), "Age"), doc.entity("T27").orElseThrow());
    assertEquals(new Event("E18", "Age", "T27", List.of(new Argument("Numeric-Filter", "E19"))), doc.event("E18").orElseThrow());
    Event comparison = doc.event("E19").orElseThrow();
    assertEquals(List.of("T19"), comparison.targets("Operator"));
    assertEquals("≥ 18", doc.trigger(comparison).text());
    assertEquals("≥ 18", doc.text().substring(29, 33));
    assertEquals(new Attribute("A3", "Eq-Operator-Value", "T19", "GTEQ"), doc.attributesOf("T19").getFirst());
    assertEquals("female", doc.attribute("T15", "Life-Stage-And-Gender-Type").orElseThrow());

    // "ECOG (Eastern Cooperative Oncology Group) performance status score of 0~2": a second Value is Value2.
    Event ecog = doc.event("E37").orElseThrow();
    assertEquals("Eastern Cooperative Oncology Group", doc.trigger(ecog).text());
    Event range = doc.event(ecog.targets("Numeric-Filter").getFirst()).orElseThrow();
    assertEquals(List.of(new Argument("Value", "T45"), new Argument("Value2", "T30"), new Argument("Operator", "T46")), range.arguments());
    assertEquals(List.of("T45", "T30"), range.targets("Value"));
    assertEquals("0~2", doc.anchor("E10").orElseThrow().text());

    assertEquals(new Relation("R2", "Abbrev-Of", new Argument("Arg1", "E17"), new Argument("Arg2", "E5")), relation(doc, "R2"));
    assertEquals("PD", doc.anchor("E17").orElseThrow().text());
    assertEquals("progressive disease", doc.anchor("E5").orElseThrow().text());
  }

  @Test
  void readsNegationTemporalityAndOrRelationsOfASecondDocument() {
    // "  -  No history of intake of antibiotics or other medications affecting the periodontium in the previous 6 months."
    // "  -  No periodontal therapy carried out in the past 6 months."
    BratDocument doc = BratReader.read(SharedData.require(NIC + "batch11/NCT03924336.ann"));
    assertEquals(83, doc.entities().size());
    assertEquals(37, doc.events().size());
    assertEquals(13, doc.relations().size());
    assertEquals(13, doc.attributes().size());

    assertEquals(new Event("E34", "Negation", "T71", List.of(new Argument("Negates", "E33"))), doc.event("E34").orElseThrow());
    assertEquals("No", doc.trigger(doc.event("E34").orElseThrow()).text());
    assertEquals(new TextBound("T69", "Drug", List.of(new Fragment(407, 418)), "antibiotics"), doc.anchor("E33").orElseThrow());
    assertEquals(new Relation("R11", "Or", new Argument("Arg1", "E33"), new Argument("Arg2", "E35")),
        relation(doc, "R11"));
    assertEquals("medications", doc.anchor("E35").orElseThrow().text());

    Event therapy = doc.event("E3").orElseThrow();
    assertEquals("periodontal therapy", doc.trigger(therapy).text());
    Event past = doc.event(therapy.targets("Temporality").getFirst()).orElseThrow();
    assertEquals("past 6 months", doc.trigger(past).text());
    assertEquals("past", doc.attribute(past.targets("Temporal-Period").getFirst(), "Eq-Temporal-Period-Value").orElseThrow());
  }

  @Test
  void offsetsCountCodePointsAndDiscontinuousSpansJoinWithASpace(@TempDir Path dir) throws IOException {
    // brat counts code points: the emoji is one character to brat and two chars to Java.
    Path ann = write(dir, "doc", "\uD83D\uDE00 no fever, cough\n",
        "T1\tCondition 5 10\tfever\nT2\tCondition 2 4;12 17\tno cough\n");
    BratDocument doc = BratReader.read(ann);
    assertEquals(new Fragment(6, 11), doc.entity("T1").orElseThrow().fragments().getFirst());
    assertEquals("fever", doc.text().substring(6, 11));
    TextBound split = doc.entity("T2").orElseThrow();
    assertEquals(List.of(new Fragment(3, 5), new Fragment(13, 18)), split.fragments());
    assertEquals(3, split.start());
    assertEquals(18, split.end());
  }

  @Test
  void aTextThatDiffersFromTheDocumentNamesTheFileLineAndBothTexts(@TempDir Path dir) throws IOException {
    Path ann = write(dir, "doc", "Age over 18\n", "T1\tAge 0 3\tAge\nT2\tEq-Value 9 11\t19\n");
    BratException e = assertThrows(BratException.class, () -> BratReader.read(ann));
    assertTrue(e.getMessage().contains("doc.ann:2: the text at the offsets is \"18\", not \"19\""), e.getMessage());
  }

  @Test
  void aReferenceToAnUndefinedIdIsRefused(@TempDir Path dir) throws IOException {
    Path ann = write(dir, "doc", "Age over 18\n", "T1\tAge 0 3\tAge\nE1\tAge:T1 Numeric-Filter:E2\n");
    BratException e = assertThrows(BratException.class, () -> BratReader.read(ann));
    assertTrue(e.getMessage().contains("doc.ann:2: refers to E2, which the file does not define"), e.getMessage());
  }

  @Test
  void anUnknownLineKindAndASpanPastTheTextAreRefused(@TempDir Path dir) throws IOException {
    Path unknown = write(dir, "a", "Age\n", "T1\tAge 0 3\tAge\nX1\tsomething\n");
    assertTrue(assertThrows(BratException.class, () -> BratReader.read(unknown)).getMessage().contains("a.ann:2: unknown annotation kind 'X'"));
    Path past = write(dir, "b", "Age\n", "T1\tAge 0 30\tAge\n");
    assertTrue(assertThrows(BratException.class, () -> BratReader.read(past)).getMessage().contains("b.ann:1: span 0..30 is outside the text"));
  }

  @Test
  void aMissingTextFileSaysWhereItWasExpected(@TempDir Path dir) throws IOException {
    Path ann = dir.resolve("lonely.ann");
    Files.writeString(ann, "T1\tAge 0 3\tAge\n");
    BratException e = assertThrows(BratException.class, () -> BratReader.read(ann));
    assertTrue(e.getMessage().contains("lonely.txt") && e.getMessage().contains("beside it"), e.getMessage());
  }

  @Test
  void randomLinesAreReadOrRefusedWithABratExceptionNeverAnythingElse() {
    Random random = new Random(42);
    String[] pieces = {"T1", "T2", "E1", "R1", "A1", "#1", "*", "N1", "X", "\t", " ", ":", ";", "0", "3", "-1", "99999999999",
        "Age", "Age:T1", "Arg1:T1", "Value2:T2", "fever", "", "\u00e9", "\uD83D\uDE00"};
    String text = "fever and Age \uD83D\uDE00 ok";
    for (int n = 0; n < 5_000; n++) {
      List<String> lines = new java.util.ArrayList<>();
      for (int l = random.nextInt(4); l >= 0; l--) {
        StringBuilder line = new StringBuilder();
        for (int w = random.nextInt(7); w >= 0; w--) {
          line.append(pieces[random.nextInt(pieces.length)]);
        }
        lines.add(line.toString());
      }
      try {
        BratDocument doc = BratReader.parse("random", "random", text, lines);
        doc.entities().forEach(t -> assertTrue(t.end() <= text.length()));
      } catch (BratException expected) {
        assertTrue(expected.getMessage().startsWith("random:"), expected.getMessage());
      }
    }
  }

  private static Relation relation(BratDocument doc, String id) {
    return doc.relations().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static Path write(Path dir, String name, String text, String ann) throws IOException {
    Files.writeString(dir.resolve(name + ".txt"), text);
    return Files.writeString(dir.resolve(name + ".ann"), ann);
  }
}
