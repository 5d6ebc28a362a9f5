package org.trialdex.core.celltherapy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lexicon's speed-ups keep the patterns' meaning. */
class LexiconTest {

  @Test
  void aBoundaryCommonToEveryAlternativeIsFactoredOut() {
    assertEquals("\\b(?:intra-?venous|iv\\b|venous\\s+line)", Lexicon.factorBoundary("\\bintra-?venous|\\biv\\b|\\bvenous\\s+line"));
    // an alternative without the boundary, or a single alternative, is left as it is
    assertEquals("\\bab|cd", Lexicon.factorBoundary("\\bab|cd"));
    assertEquals("\\b(?:a|b)c", Lexicon.factorBoundary("\\b(?:a|b)c"));
    // a bar inside a group or a class is not a top-level alternative
    assertEquals(List.of("\\ba(?:b|c)", "\\b[|x]d"), Lexicon.alternatives("\\ba(?:b|c)|\\b[|x]d"));
  }

  @Test
  void triggersAreTheLettersEveryMatchStartsWith() {
    assertEquals(List.of("int", "ven"), Lexicon.triggers("\\bintra-?venous|\\bvenous\\s+line"));
    // an optional letter ends the prefix: "auto-?log" starts "aut", "h?asc" has no fixed start
    assertEquals(List.of("aut"), Lexicon.triggers("\\bauto-?log\\w*"));
    assertNull(Lexicon.triggers("\\bh?ASCs?"));
    assertEquals(List.of("i"), Lexicon.triggers("\\bI\\.\\s?V\\."));
    assertEquals(List.of("ms"), Lexicon.triggers("(?<!\\w-)\\bMSCs?\\b".replace("MSC", "MS")));
    assertNull(Lexicon.triggers("(?:umbilical\\s+)?cord"));
  }

  @Test
  void wordStartsHoldOneToThreeLettersOfEveryWord() {
    Texts.Section s = new Texts.Section("f", "Intra-articular MSC", 0, null, false, null, List.of(), false,
        Texts.lower("Intra-articular MSC"));
    assertEquals(Set.of("i", "in", "int", "a", "ar", "art", "m", "ms", "msc"),
        Lexicon.wordStarts(List.of(Lexicon.WordStarts.of(s.lower()))));
  }

  @Test
  void matchesAreTriedWhereWordsStartAndAgreeWithFind() {
    Lexicon.Entry<Boolean> e = Lexicon.GENERIC;
    String text = "Stem cells: cellular therapy, xcells, \u00e9cells and hSCs; cell-therapy.";
    Texts.Section s = new Texts.Section("f", text, 0, null, false, null, List.of(), false, Texts.lower(text));
    List<String> found = e.matches(s, Lexicon.WordStarts.of(s.lower()), 0, text.length()).stream()
        .map(m -> text.substring(m[0], m[1])).toList();
    // "xcells" has no boundary before "cells"; after the non-ASCII "\u00e9", Java's \\b holds (ASCII word characters)
    assertEquals(List.of("Stem cells", "cellular therapy", "cells", "cell-therapy"), found);
    // a region: only what lies wholly inside it
    assertEquals(1, e.matches(s, Lexicon.WordStarts.of(s.lower()), 12, 29).size());
  }

  /** Abbreviations with free letters in front ("hUCMSC", "BM-MSC"): no fixed start, so they always run. */
  private static final Set<String> ALWAYS_RUN = Set.of(
      "\\b(?:[A-Za-z]{1,6}[-_]?)?MSCs?\\b|\\bMSC(?=-)|\\bMPCs?\\b");

  @Test
  void everyEntryCanBeSkippedByItsTriggersAndStillMatchesItsExamples() {
    List<String> open = new ArrayList<>();
    Stream.of(Lexicon.CELLS, Lexicon.SOURCES, Lexicon.DONORS, Lexicon.ROUTES).flatMap(List::stream).forEach(e -> {
      if (e.triggers() == null && !ALWAYS_RUN.contains(e.pattern().pattern())) {
        open.add(e.value() + ": " + e.pattern().pattern());
      }
    });
    assertEquals(List.of(), open, "entries without triggers run on every record");
    // the lower-cased, factored patterns still match as written in records
    assertTrue(find(Lexicon.ROUTES, "The cells were given Intra-Articularly"));
    assertTrue(find(Lexicon.SOURCES, "Umbilical Cord-derived MSC"));
    assertTrue(find(Lexicon.CELLS, "Bone Marrow Mononuclear Cells"));
  }

  private static <T> boolean find(List<Lexicon.Entry<T>> entries, String text) {
    Texts.Section s = new Texts.Section("f", text, 0, null, false, null, List.of(), false, Texts.lower(text));
    Set<String> starts = Lexicon.wordStarts(List.of(Lexicon.WordStarts.of(s.lower())));
    return entries.stream().anyMatch(e -> e.mayMatch(starts) && e.matcher(s).find());
  }

}
