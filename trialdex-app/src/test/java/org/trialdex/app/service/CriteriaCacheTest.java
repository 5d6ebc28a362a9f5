package org.trialdex.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.MatchTest;
import org.trialdex.app.Trialdex;
import org.trialdex.app.WebStore;
import org.trialdex.core.eligibility.CriterionParser;
import org.trialdex.core.eligibility.ParsedCriterion;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.source.Sha256;

/**
 * The parse cache beside the index, on the page test store (the MSC set, the NSCLC sample, the seeds)
 * and a real SQLite file: a new matcher on a filled file answers alike and parses nothing; parses of
 * another parser are misses; a corrupt file, an unwritable place, a locked file and a row that does
 * not decode cost a warning and a parse, never a match; two caches writing one file at once lose
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CriteriaCacheTest {

  /** Written by the team: a few items of the kinds registries write. */
  private static final String CRITERIA = """
      Inclusion Criteria:
      - Age 18 to 70 years
      - Creatinine <= 1.5 mg/dL and ALT <= 3 x ULN
      - ECOG performance status 0-1
      Exclusion Criteria:
      - Pregnant or breast-feeding
      - Known HIV infection
      """;

  private Path tmp;
  private Trialdex trialdex;
  private Patient patient;
  private final Matches.Options options = new Matches.Options(20, false);

  @BeforeAll
  void build(@TempDir Path dir) {
    tmp = dir;
    trialdex = WebStore.build(dir);
    patient = trialdex.matches().readNote(MatchTest.GVHD_NOTE);
  }

  @AfterAll
  void close() {
    if (trialdex != null) {
      trialdex.close();
    }
  }

  private Matches matcher(CriteriaCache cache) {
    return new Matches(trialdex.searches(), trialdex::vocabulary, trialdex.clock(), cache);
  }

  private String fingerprint() {
    return new CriterionParser(trialdex.vocabulary()).fingerprint();
  }

  @Test
  void aNewMatcherOnAFilledFileAnswersAlikeAndParsesNothing() {
    Path file = tmp.resolve("alike-criteria.sqlite");
    Matches.Result first;
    long parsedFirst;
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      Matches m = matcher(cache);
      first = m.match(patient, options);
      parsedFirst = m.parsed();
      assertTrue(parsedFirst > 20, "the candidates' criteria were parsed: " + parsedFirst);
      assertEquals(parsedFirst, cache.stats().misses(), "one lookup, every text missed");
    }
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      Matches m = matcher(cache);
      Matches.Result second = m.match(patient, options);
      assertEquals(0, m.parsed(), "nothing parsed: every parse came from the file");
      assertEquals(new CriteriaCache.Stats(parsedFirst, 0, 0, 0, 0), cache.stats());
      assertEquals(first.matches(), second.matches());
      assertEquals(first.question(), second.question());
      assertEquals(first.candidates(), second.candidates());
    }
  }

  @Test
  void theWiringKeepsItsCacheBesideTheIndexNotInIt() {
    Path index = tmp.resolve("data").resolve("index");
    assertEquals(tmp.resolve("data").resolve("index-criteria.sqlite").toAbsolutePath(), CriteriaCache.fileFor(index));
    assertEquals(Path.of("idx-criteria.sqlite").toAbsolutePath(), CriteriaCache.fileFor(Path.of("idx")));
    trialdex.matches().match(patient, options);
    assertTrue(Files.isRegularFile(CriteriaCache.fileFor(index)));
    assertTrue(Files.isDirectory(index));
  }

  @Test
  void parsesOfAnotherParserAreMissesAndAreDeletedOnOpen() {
    Path file = tmp.resolve("fingerprint-criteria.sqlite");
    List<ParsedCriterion> parses = new CriterionParser(trialdex.vocabulary()).parseAll(CRITERIA);
    String digest = Sha256.hex(CRITERIA);
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      cache.put(digest, "old-parser", parses);
      assertTrue(cache.flush(Duration.ofSeconds(10)));
      assertEquals(Map.of(digest, parses), cache.getAll(List.of(digest), "old-parser"));
      assertEquals(Map.of(), cache.getAll(List.of(digest), "new-parser"), "another fingerprint is a miss");
    }
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      assertEquals(Map.of(), cache.getAll(List.of(digest), "new-parser"));
      // Opened under the new fingerprint: the old rows are gone, not merely hidden.
      assertEquals(Map.of(), cache.getAll(List.of(digest), "old-parser"));
    }
  }

  @Test
  void aCorruptFileIsMovedAsideAndTheMatchStillWorks() throws IOException {
    Path file = tmp.resolve("corrupt-criteria.sqlite");
    Files.writeString(file, "this is not a database, but it is where one should be\n".repeat(200), StandardCharsets.UTF_8);
    Matches.Result reference = matcher(CriteriaCache.none()).match(patient, options);
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      Matches m = matcher(cache);
      assertEquals(reference.matches(), m.match(patient, options).matches());
      assertTrue(m.parsed() > 0);
      assertTrue(cache.stats().warnings() >= 1, cache.stats().toString());
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("corrupt-criteria.sqlite.corrupt-")).count(), "kept aside");
    }
    // Made anew: the next process reads what this one wrote.
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      Matches m = matcher(cache);
      m.match(patient, options);
      assertEquals(0, m.parsed());
      assertEquals(0, cache.stats().warnings());
    }
  }

  @Test
  void aRowThatDoesNotDecodeIsParsedAgainAndReplaced() throws Exception {
    Path file = tmp.resolve("row-criteria.sqlite");
    String digest = Sha256.hex(CRITERIA);
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      cache.getAll(List.of("x"), fingerprint()); // creates the table
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps = c.prepareStatement("INSERT INTO parses (digest, fingerprint, data) VALUES (?, ?, ?)")) {
      ps.setString(1, digest);
      ps.setString(2, fingerprint());
      ps.setBytes(3, new byte[] {1, 5, 0, 0});
      ps.executeUpdate();
    }
    List<ParsedCriterion> parses = new CriterionParser(trialdex.vocabulary()).parseAll(CRITERIA);
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      assertEquals(Map.of(), cache.getAll(List.of(digest), fingerprint()));
      assertEquals(new CriteriaCache.Stats(0, 1, 0, 0, 1), cache.stats());
      cache.put(digest, fingerprint(), parses);
    }
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      assertEquals(Map.of(digest, parses), cache.getAll(List.of(digest), fingerprint()));
    }
  }

  @Test
  void aPlaceThatCannotHoldAFileCostsAWarningNotAMatch() throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("a-file"), "x");
    try (CriteriaCache cache = CriteriaCache.open(notAFolder.resolve("index-criteria.sqlite"))) {
      Matches m = matcher(cache);
      assertFalse(m.match(patient, options).matches().isEmpty());
      assertTrue(m.parsed() > 0);
      assertEquals(1, cache.stats().warnings(), "one warning, not one per lookup");
      assertEquals(0, cache.stats().written());
    }
  }

  @Test
  void aFileLockedByAnotherWriterCostsTheWritesNotTheReadsNorTheMatch() throws Exception {
    Path file = tmp.resolve("locked-criteria.sqlite");
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      matcher(cache).match(patient, options);
    }
    Patient lung = trialdex.matches().readNote("A 63-year-old man with stage IV non-small cell lung cancer, ECOG 1.");
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE"); // another process holds the write lock
      s.executeUpdate("INSERT INTO parses VALUES ('held', 'held', x'00')");
      try (CriteriaCache cache = CriteriaCache.open(file, 200)) {
        Matches m = matcher(cache);
        assertFalse(m.match(patient, options).matches().isEmpty());
        assertEquals(0, m.parsed(), "read while another process writes (WAL)");
        assertFalse(m.match(lung, options).matches().isEmpty());
        assertTrue(m.parsed() > 0, "the lung trials' criteria were new");
        assertTrue(cache.flush(Duration.ofSeconds(30)));
        assertEquals(new CriteriaCache.Stats(cache.stats().hits(), m.parsed(), 0, m.parsed(), 1), cache.stats());
      }
      s.execute("ROLLBACK");
    }
  }

  @Test
  void twoCachesWritingOneFileAtOnceLoseNothing() throws Exception {
    Path file = tmp.resolve("shared-criteria.sqlite");
    String fingerprint = fingerprint();
    CriterionParser parser = new CriterionParser(trialdex.vocabulary());
    List<ParsedCriterion> parses = parser.parseAll(CRITERIA);
    int each = 3000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (String who : List.of("a", "b")) {
      Thread t = new Thread(() -> {
        try (CriteriaCache cache = CriteriaCache.open(file)) {
          start.await();
          for (int i = 0; i < each; i++) {
            // Half the digests are the other cache's too: both write them.
            cache.put((i % 2 == 0 ? "both-" : who + "-") + i, fingerprint, parses);
            if (i % 500 == 0) {
              cache.getAll(List.of("both-0", "a-1", "b-1"), fingerprint);
            }
          }
          assertTrue(cache.flush(Duration.ofSeconds(60)));
          assertEquals(new CriteriaCache.Stats(cache.stats().hits(), cache.stats().misses(), each, 0, 0), cache.stats());
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(120_000);
    }
    assertEquals(List.of(), errors);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      if (i % 2 == 0) {
        all.add("both-" + i);
      } else {
        all.add("a-" + i);
        all.add("b-" + i);
      }
    }
    try (CriteriaCache cache = CriteriaCache.open(file)) {
      Map<String, List<ParsedCriterion>> read = cache.getAll(all, fingerprint);
      assertEquals(all.size(), read.size());
      assertTrue(read.values().stream().allMatch(parses::equals));
      assertEquals(0, cache.stats().warnings());
    }
  }
}
