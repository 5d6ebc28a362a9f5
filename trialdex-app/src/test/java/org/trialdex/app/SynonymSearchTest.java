package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.core.model.Study;
import org.trialdex.search.Hit;
import org.trialdex.search.query.SearchRequests;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StoredStudy;
import org.trialdex.testing.SharedData;

/**
 * Condition search finds a trial whatever name it uses: on the real MSC and NSCLC records, a
 * search by any name of a condition returns exactly the records whose conditions, keywords or
 * condition MeSH terms name it by any of its names (counted here by brute force over the store).
 */
class SynonymSearchTest {

  @TempDir static Path dir;
  private static Trialdex trialdex;
  private static List<StoredStudy> all;

  @BeforeAll
  static void importBothSets() {
    Cli c = Cli.run("import", "--data", dir.resolve("data").toString(), SharedData.mscClassic().toString(),
        SharedData.v2Sample().toString());
    assertEquals(0, c.exitCode(), c::toString);
    trialdex = Trialdex.open(new StoreLocation.Sqlite(dir.resolve("data")), Clock.systemUTC());
    try (Stream<StoredStudy> s = trialdex.store().currentAll()) {
      all = s.toList();
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void close() {
    if (trialdex != null) {
      trialdex.close();
    }
  }

  /** Lower-case words separated by single spaces, padded, so a phrase is found as whole words. */
  private static String words(String text) {
    return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
  }

  private static String conditionText(Study s) {
    List<String> parts = new ArrayList<>();
    var ps = s.protocolSection();
    if (ps != null && ps.conditionsModule() != null) {
      if (ps.conditionsModule().conditions() != null) {
        parts.addAll(ps.conditionsModule().conditions());
      }
      if (ps.conditionsModule().keywords() != null) {
        parts.addAll(ps.conditionsModule().keywords());
      }
    }
    var browse = s.derivedSection() == null ? null : s.derivedSection().conditionBrowseModule();
    if (browse != null) {
      if (browse.meshes() != null) {
        browse.meshes().forEach(m -> parts.add(m.term()));
      }
      if (browse.ancestors() != null) {
        browse.ancestors().forEach(m -> parts.add(m.term()));
      }
    }
    // Values are separate: a name never spans two conditions.
    return String.join(" | ", parts.stream().map(SynonymSearchTest::words).toList());
  }

  private static Set<String> bruteForce(List<String> names) {
    Set<String> ids = new TreeSet<>();
    for (StoredStudy s : all) {
      String text = conditionText(s.study());
      if (names.stream().anyMatch(n -> text.contains(words(n)))) {
        ids.add(s.nctId());
      }
    }
    return ids;
  }

  private static Set<String> search(String cond) {
    var result = trialdex.search().search(SearchRequests.parse(Map.of("query.cond", List.of(cond),
        "pageSize", List.of("1000"))));
    assertTrue(result.nextPageToken().isEmpty(), "more than one page");
    Set<String> ids = new TreeSet<>();
    result.hits().stream().map(Hit::id).forEach(ids::add);
    return ids;
  }

  @Test
  void everyNameOfAcuteGraftVersusHostDiseaseFindsTheSameTrials() {
    List<String> names = List.of("agvhd", "acute gvhd", "acute graft versus host disease",
        "acute graft-versus-host disease", "acute graft vs host disease");
    Set<String> expected = bruteForce(names);
    assertTrue(expected.size() >= 10, "expected: " + expected);
    for (String name : List.of("aGVHD", "acute GvHD", "acute graft-versus-host disease")) {
      assertEquals(expected, search(name), name);
    }
  }

  @Test
  void theAbbreviationNsclcFindsTheTrialsThatSpellItOut() {
    List<String> names = List.of("nsclc", "non small cell lung cancer", "non-small cell lung cancer",
        "non small cell lung carcinoma", "carcinoma non small cell lung");
    Set<String> expected = bruteForce(names);
    assertTrue(expected.size() >= 80, "expected: " + expected.size());
    assertEquals(expected, search("NSCLC"));
    assertEquals(expected, search("non-small cell lung cancer"));
  }
}
