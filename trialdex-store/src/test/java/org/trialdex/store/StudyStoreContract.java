package org.trialdex.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Study;
import org.trialdex.core.source.Provenance;
import org.trialdex.store.PutOutcome.Kind;
import org.trialdex.store.testing.TestClock;
import org.trialdex.testing.SharedData;

/**
 * What every {@link StudyStore} does, on the 100 real v2 records of {@code nsclcbench-100}. Each
 * backend runs this suite through a subclass that supplies an empty database.
 */
abstract class StudyStoreContract {

  static final StudyJson JSON = StudyJson.standard();
  static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

  /** The 100 records as read, and their source JSON trees, in file order. */
  static List<Study> sample;
  static List<JsonNode> sampleTrees;

  final TestClock clock = new TestClock(T0);
  StoreLocation location;
  StudyStore store;

  /** A location holding an empty database (no tables yet). */
  abstract StoreLocation emptyLocation() throws Exception;

  /** A direct connection to the database behind {@link #location}, for checks the API hides. */
  abstract Connection rawConnection() throws SQLException;

  /** Makes the database refuse to insert any version of {@code nctId}. */
  abstract void failInsertsOf(String nctId) throws SQLException;

  @BeforeAll
  static void readSample() throws IOException {
    JsonNode array = JSON.mapper().readTree(Files.readString(SharedData.v2Sample()));
    sampleTrees = new ArrayList<>();
    array.forEach(sampleTrees::add);
    sample = sampleTrees.stream().map(JSON::read).toList();
  }

  @BeforeEach
  void openEmptyStore() throws Exception {
    location = emptyLocation();
    store = StudyStores.open(location, clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ------------------------------------------------------------------ helpers

  static String nctId(Study study) {
    return study.protocolSection().identificationModule().nctId();
  }

  static Provenance provenance(int index) {
    return new Provenance("ctgov-v2-json", "nsclcbench-100/ctg-studies.json", "record " + (index + 1));
  }

  static List<Incoming> incoming(List<Study> studies) {
    return IntStream.range(0, studies.size())
        .mapToObj(i -> new Incoming(studies.get(i), provenance(i)))
        .toList();
  }

  static Study withBriefTitle(Study study, String title) {
    ObjectNode tree = (ObjectNode) JSON.tree(study);
    ((ObjectNode) tree.at("/protocolSection/identificationModule")).put("briefTitle", title);
    return JSON.read(tree);
  }

  /** Begins a run, puts the records in one chunk, finishes the run; returns the outcomes. */
  List<PutOutcome> importRun(List<Study> studies) {
    ImportRun run = store.beginRun("import test", List.of("ctg-studies.json"));
    List<PutOutcome> outcomes = store.putAll(run.id(), incoming(studies));
    store.finishRun(run.id(), RunCounts.zero().plus(outcomes));
    return outcomes;
  }

  static List<String> sortedIds() {
    return sample.stream().map(StudyStoreContract::nctId).sorted().toList();
  }

  List<String> ids(Stream<StoredStudy> stream) {
    try (stream) {
      return stream.map(StoredStudy::nctId).toList();
    }
  }

  // ------------------------------------------------------------------ writing

  @Test
  void theHundredRealRecordsAreStoredAsVersionOneEach() {
    List<PutOutcome> outcomes = importRun(sample);

    List<PutOutcome> expected = sample.stream()
        .map(s -> new PutOutcome(nctId(s), Kind.NEW, 1)).toList();
    assertEquals(expected, outcomes);
    StoreCounts counts = store.counts();
    assertEquals(100, counts.studies());
    assertEquals(100, counts.versions());
  }

  @Test
  void textBeyondLatin1ReadsBackExactlyAsWritten() {
    // Records are read as their stored UTF-8 bytes: accents, CJK, a character outside the Basic
    // Multilingual Plane (a surrogate pair in Java) and an escaped control character must survive.
    String title = "Cellules stromales mésenchymateuses 间充质干细胞 \uD835\uDEFC-test, dose ≥ 1×10⁶/kg\u0007";
    Study study = withBriefTitle(sample.getFirst(), title);
    importRun(List.of(study));
    String id = nctId(study);

    assertEquals(title, store.current(id).orElseThrow().study().protocolSection().identificationModule().briefTitle());
    assertEquals(title, store.version(id, 1).orElseThrow().study().protocolSection().identificationModule().briefTitle());
    assertEquals(JSON.contentHash(study), store.current(id).orElseThrow().contentHash());
    assertEquals(JSON.contentHash(study), JSON.contentHash(store.current(id).orElseThrow().study()));
  }

  @Test
  void puttingTheSameRecordsAgainAddsNoVersion() {
    importRun(sample);
    clock.advance(Duration.ofHours(1));

    List<PutOutcome> outcomes = importRun(sample);

    assertEquals(sample.stream().map(s -> new PutOutcome(nctId(s), Kind.UNCHANGED, 1)).toList(),
        outcomes);
    assertEquals(100, store.counts().versions());
    String first = nctId(sample.getFirst());
    assertEquals(1, store.versions(first).size());
    assertEquals(T0, store.current(first).orElseThrow().recordedAt());
  }

  @Test
  void aChangedTitleAddsVersionTwoAndKeepsVersionOneByteIdentical() throws SQLException {
    importRun(sample);
    Instant t1 = clock.advance(Duration.ofMinutes(5));
    List<Study> changed = new ArrayList<>(sample);
    Study original = sample.get(7);
    String id = nctId(original);
    changed.set(7, withBriefTitle(original, "A different brief title"));

    List<PutOutcome> outcomes = importRun(changed);

    assertEquals(List.of(new PutOutcome(id, Kind.UPDATED, 2)),
        outcomes.stream().filter(o -> o.kind() != Kind.UNCHANGED).toList());
    assertEquals(99, outcomes.stream().filter(o -> o.kind() == Kind.UNCHANGED).count());
    assertEquals(101, store.counts().versions());

    StoredStudy current = store.current(id).orElseThrow();
    assertEquals(2, current.version());
    assertEquals(t1, current.recordedAt());
    assertEquals("A different brief title",
        current.study().protocolSection().identificationModule().briefTitle());

    StoredStudy v1 = store.version(id, 1).orElseThrow();
    assertEquals(T0, v1.recordedAt());
    assertEquals(JSON.write(original), JSON.write(v1.study()));
    assertEquals(JSON.write(original), rawJson(id, 1), "version 1 as stored, byte for byte");
    assertEquals(JSON.write(changed.get(7)), rawJson(id, 2));
    assertEquals(JSON.write(current.study()), new String(store.currentJson(id).orElseThrow(), StandardCharsets.UTF_8),
        "the current record's JSON as stored is the JSON of its newest version");
  }

  @Test
  void theSameNctIdTwiceInOneChunkIsProcessedInOrder() {
    Study a = sample.get(0);
    Study a2 = withBriefTitle(a, "Second title");
    Study b = sample.get(1);
    ImportRun run = store.beginRun("import", List.of());

    List<PutOutcome> outcomes = store.putAll(run.id(), incoming(List.of(a, a2, b, b, a2, a)));

    String ia = nctId(a);
    String ib = nctId(b);
    assertEquals(List.of(
        new PutOutcome(ia, Kind.NEW, 1),
        new PutOutcome(ia, Kind.UPDATED, 2),
        new PutOutcome(ib, Kind.NEW, 1),
        new PutOutcome(ib, Kind.UNCHANGED, 1),
        new PutOutcome(ia, Kind.UNCHANGED, 2),
        new PutOutcome(ia, Kind.UPDATED, 3)), outcomes);
    assertEquals(JSON.write(a), JSON.write(store.current(ia).orElseThrow().study()));
    assertEquals(List.of(1, 2, 3), store.versions(ia).stream().map(VersionInfo::version).toList());
    assertEquals(new StoreCounts(2, 4, store.counts().byStatus(), store.counts().byPhase(),
        store.counts().byStudyType()), store.counts());
  }

  @Test
  void aRecordWithoutAnIdCannotBeOffered() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Incoming(Study.empty(), provenance(50)));

    assertTrue(e.getMessage().contains("record 51") && e.getMessage().contains("nctId"), e.getMessage());
  }

  @Test
  void aChunkThatFailsInTheDatabaseMidwayWritesNothing() throws SQLException {
    importRun(sample.subList(0, 50));
    List<Study> chunk = new ArrayList<>(sample);
    chunk.set(10, withBriefTitle(sample.get(10), "Changed in the failing chunk"));
    String failing = nctId(sample.get(70));
    failInsertsOf(failing);
    ImportRun run = store.beginRun("import", List.of());

    StoreException e = assertThrows(StoreException.class,
        () -> store.putAll(run.id(), incoming(chunk)));

    assertTrue(e.getMessage().contains("storing a chunk of 100 records"), e.getMessage());
    assertEquals(50, store.counts().studies());
    assertEquals(50, store.counts().versions());
    assertEquals(1, store.current(nctId(sample.get(10))).orElseThrow().version());
    assertEquals(Optional.empty(), store.current(nctId(sample.get(60))));
    // The writer is usable again after the rollback.
    assertEquals(List.of(new PutOutcome(nctId(sample.get(60)), Kind.NEW, 1)),
        store.putAll(run.id(), incoming(List.of(sample.get(60)))));
  }

  @Test
  void puttingIntoARunThatDoesNotExistOrHasFinishedFailsAndSaysWhatToDo() {
    StoreException missing = assertThrows(StoreException.class,
        () -> store.putAll(42, incoming(sample.subList(0, 1))));
    assertTrue(missing.getMessage().contains("there is no import run 42; start one with beginRun"),
        missing.getMessage());

    ImportRun run = store.beginRun("import", List.of());
    store.finishRun(run.id(), RunCounts.zero());
    StoreException finished = assertThrows(StoreException.class,
        () -> store.putAll(run.id(), incoming(sample.subList(0, 1))));
    assertTrue(finished.getMessage().contains("import run 1 has finished"), finished.getMessage());
    assertThrows(StoreException.class, () -> store.finishRun(run.id(), RunCounts.zero()));
    assertEquals(0, store.counts().studies());
  }

  // ------------------------------------------------------------------ reading

  @Test
  void currentReturnsEachRecordJsonEqualToItsSource() {
    importRun(sample);

    for (int i = 0; i < sample.size(); i++) {
      StoredStudy stored = store.current(nctId(sample.get(i))).orElseThrow();
      assertEquals(sampleTrees.get(i), JSON.tree(stored.study()), nctId(sample.get(i)));
      assertEquals(JSON.contentHash(sample.get(i)), stored.contentHash());
      assertEquals(provenance(i), stored.provenance());
    }
  }

  @Test
  void theLargestRecordWithResultsRoundTrips() throws IOException {
    Study pallas = JSON.read(Files.readString(SharedData.pallasV2()));
    importRun(List.of(pallas));

    StoredStudy stored = store.current("NCT02513394").orElseThrow();

    assertEquals(JSON.write(pallas), JSON.write(stored.study()));
    assertEquals(JSON.write(pallas), new String(store.currentJson("NCT02513394").orElseThrow(), StandardCharsets.UTF_8));
  }

  @Test
  void versionsListsMetadataOldestFirstWithProvenanceAndRun() {
    importRun(sample);
    Instant t1 = clock.advance(Duration.ofDays(1));
    Study changed = withBriefTitle(sample.get(3), "Second");
    ImportRun run = store.beginRun("sync", List.of("https://clinicaltrials.gov/api/v2/studies"));
    Provenance api = new Provenance("ctgov-api", "https://clinicaltrials.gov/api/v2/studies",
        "page 2, record 14");
    store.putAll(run.id(), List.of(new Incoming(changed, api)));

    String id = nctId(sample.get(3));
    assertEquals(List.of(
        new VersionInfo(id, 1, T0, provenance(3), 1, JSON.contentHash(sample.get(3))),
        new VersionInfo(id, 2, t1, api, 2, JSON.contentHash(changed))),
        store.versions(id));
  }

  @Test
  void unknownIdsAndVersionsReadAsEmpty() {
    importRun(sample.subList(0, 1));
    String id = nctId(sample.getFirst());

    assertEquals(Optional.empty(), store.current("NCT99999999"));
    assertEquals(Optional.empty(), store.currentJson("NCT99999999"));
    assertEquals(Optional.empty(), store.version(id, 2));
    assertEquals(Optional.empty(), store.version(id, 0));
    assertEquals(List.of(), store.versions("NCT99999999"));
  }

  @Test
  void currentAllStreamsEveryRecordInNctIdOrder() {
    importRun(sample);
    importRun(List.of(withBriefTitle(sample.get(5), "changed")));

    List<StoredStudy> all;
    try (Stream<StoredStudy> stream = store.currentAll()) {
      all = stream.toList();
    }

    assertEquals(sortedIds(), all.stream().map(StoredStudy::nctId).toList());
    StoredStudy fifth = all.stream().filter(s -> s.nctId().equals(nctId(sample.get(5))))
        .findFirst().orElseThrow();
    assertEquals(2, fifth.version());
    assertEquals("changed", fifth.study().protocolSection().identificationModule().briefTitle());
  }

  @Test
  void aStreamOpenDuringAWriteSeesTheRecordsAsTheyWereWhenItStarted() {
    importRun(sample);
    List<Integer> versions = new ArrayList<>();

    try (Stream<StoredStudy> stream = store.currentAll()) {
      Iterator<StoredStudy> it = stream.iterator();
      versions.add(it.next().version());
      List<Study> all = sample.stream().map(s -> withBriefTitle(s, "changed")).toList();
      assertEquals(100, importRun(all).stream().filter(o -> o.kind() == Kind.UPDATED).count());
      it.forEachRemaining(s -> versions.add(s.version()));
    }

    assertEquals(100, versions.size());
    assertEquals(Set.of(1), Set.copyOf(versions));
    assertEquals(200, store.counts().versions());
  }

  @Test
  void changedSinceReturnsRecordsWhoseNewestVersionIsAtOrAfterTheInstant() {
    importRun(sample);
    Instant t1 = clock.advance(Duration.ofMinutes(1));
    List<Study> changed = new ArrayList<>(sample);
    Set<String> changedIds = new LinkedHashSet<>();
    for (int i : new int[] {90, 4, 33}) {
      changed.set(i, withBriefTitle(sample.get(i), "changed " + i));
      changedIds.add(nctId(sample.get(i)));
    }
    importRun(changed);
    Instant t2 = clock.advance(Duration.ofMinutes(1));
    importRun(changed); // all unchanged: does not count as a change

    assertEquals(changedIds.stream().sorted().toList(), ids(store.changedSince(t1)));
    assertEquals(sortedIds(), ids(store.changedSince(T0)));
    assertEquals(sortedIds(), ids(store.changedSince(Instant.EPOCH)));
    assertEquals(List.of(), ids(store.changedSince(t1.plusNanos(1))));
    assertEquals(changedIds.stream().sorted().toList(), ids(store.changedSince(t1.minusNanos(1))));
    assertEquals(List.of(), ids(store.changedSince(t2)));
  }

  @Test
  void countsEqualBruteForceCountsOverTheInput() {
    importRun(sample);

    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, Long> byPhase = new TreeMap<>();
    Map<String, Long> byType = new TreeMap<>();
    for (Study s : sample) {
      var status = s.protocolSection().statusModule();
      var design = s.protocolSection().designModule();
      byStatus.merge(status == null || status.overallStatus() == null
          ? "NONE" : status.overallStatus().name(), 1L, Long::sum);
      byType.merge(design == null || design.studyType() == null
          ? "NONE" : design.studyType().name(), 1L, Long::sum);
      List<Phase> phases = design == null || design.phases() == null ? List.of() : design.phases();
      if (phases.isEmpty()) {
        byPhase.merge("NONE", 1L, Long::sum);
      }
      Set.copyOf(phases).forEach(p -> byPhase.merge(p.name(), 1L, Long::sum));
    }

    assertEquals(new StoreCounts(100, 100, byStatus, byPhase, byType), store.counts());
    assertTrue(byPhase.values().stream().mapToLong(Long::longValue).sum() > 100,
        "the sample holds multi-phase studies, counted once per phase: " + byPhase);
  }

  @Test
  void countsFollowEveryWriteAfterTheyWereRead() {
    importRun(sample.subList(0, 10));
    assertEquals(10, store.counts().studies()); // read, and kept until the next write

    importRun(sample.subList(10, 15));
    assertEquals(15, store.counts().studies());
    importRun(List.of(withBriefTitle(sample.get(0), "changed")));
    assertEquals(16, store.counts().versions());
    Study page = pageOf(sample.get(20), null, "18 Years", "65 Years");
    put(new Incoming("ChiCTR2000029606", page, page("portal-list"), List.of()));
    assertEquals(16, store.counts().studies());
    // A link folds the alias's record into the NCT record: one study fewer, as many versions.
    store.link("ChiCTR2000029606", nctId(sample.get(1)), "the same trial");
    assertEquals(new StoreCounts(15, 17, store.counts().byStatus(), store.counts().byPhase(),
        store.counts().byStudyType()), store.counts());
  }

  @Test
  void countsFollowWritesOfAnotherStoreOnTheSameDatabase() {
    importRun(sample.subList(0, 10));
    StoreCounts before = store.counts();

    try (StudyStore other = StudyStores.open(location, clock)) {
      ImportRun run = other.beginRun("another process", List.of());
      other.putAll(run.id(), incoming(sample.subList(10, 30)));
      other.finishRun(run.id(), RunCounts.zero());
    }

    assertEquals(10, before.studies());
    assertEquals(30, store.counts().studies());
    assertEquals(30, store.counts().byStatus().values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void theNewestCurrentRecordTimeIsTheNewestRecordedAtOfTheCurrentRecords() {
    assertEquals(Optional.empty(), store.newestCurrentRecordedAt());
    importRun(sample.subList(0, 10));
    assertEquals(Optional.of(T0), store.newestCurrentRecordedAt());

    Instant t1 = clock.advance(Duration.ofMinutes(5));
    importRun(List.of(withBriefTitle(sample.get(3), "changed")));
    assertEquals(Optional.of(t1), store.newestCurrentRecordedAt());

    // A page stored later, then linked by hand later still: the NCT record's current record is
    // rewritten at the link, but its newest version is the page's, recorded before the link.
    Instant t2 = clock.advance(Duration.ofMinutes(5));
    put(new Incoming("ChiCTR2000029606", pageOf(sample.get(20), null, "18 Years", "65 Years"),
        page("portal-list"), List.of()));
    clock.advance(Duration.ofMinutes(5));
    store.link("ChiCTR2000029606", nctId(sample.get(1)), "the same trial");

    Optional<Instant> scanned;
    try (Stream<StoredStudy> all = store.currentAll()) {
      scanned = all.map(StoredStudy::recordedAt).max(Comparator.naturalOrder());
    }
    assertEquals(Optional.of(t2), scanned);
    assertEquals(scanned, store.newestCurrentRecordedAt());
  }

  @Test
  void importRunsAreListedNewestFirstWithTheirCounts() {
    ImportRun first = store.beginRun("import ctg-studies.json",
        List.of("ctg-studies.json", "extra.json"));
    List<PutOutcome> outcomes = store.putAll(first.id(), incoming(sample));
    Instant finished = clock.advance(Duration.ofSeconds(30));
    RunCounts counts = RunCounts.zero().plus(outcomes).plusFailed(2);
    store.finishRun(first.id(), counts);
    Instant started = clock.advance(Duration.ofMinutes(1));
    ImportRun second = store.beginRun("sync", List.of());

    assertEquals(new RunCounts(102, 100, 0, 0, 2), counts);
    assertEquals(List.of(
        new ImportRun(2, "sync", List.of(), started, Optional.empty(), ImportRun.Status.RUNNING,
            RunCounts.zero(), Optional.empty(), second.owner()),
        new ImportRun(1, "import ctg-studies.json", List.of("ctg-studies.json", "extra.json"), T0,
            Optional.of(finished), ImportRun.Status.FINISHED, counts, Optional.empty(),
            Optional.of(new RunOwner(first.owner().orElseThrow().host(), ProcessHandle.current().pid(),
                first.owner().orElseThrow().processStartedAt(), finished)))),
        store.importRuns());
    assertEquals(second, store.importRuns().getFirst());
  }

  // ------------------------------------------------------------------ how runs end

  @Test
  void aRunningRunCountsItsStoredChunksAndARunThatStopsOnAnErrorIsRecordedAsFailed() {
    ImportRun run = store.beginRun("import", List.of());
    List<PutOutcome> outcomes = store.putAll(run.id(), incoming(sample.subList(0, 3)));
    assertEquals(RunCounts.zero().plus(outcomes), store.importRuns().getFirst().counts(),
        "a chunk adds to its run's counts as it is stored");

    Instant failedAt = clock.advance(Duration.ofSeconds(5));
    store.failRun(run.id(), RunCounts.zero().plus(outcomes).plusFailed(1), "the disk is full");

    ImportRun failed = store.importRuns().getFirst();
    assertEquals(ImportRun.Status.FAILED, failed.status());
    assertEquals(Optional.of("the disk is full"), failed.reason());
    assertEquals(Optional.of(failedAt), failed.finishedAt());
    assertEquals(new RunCounts(4, 3, 0, 0, 1), failed.counts());
    StoreException ended = assertThrows(StoreException.class,
        () -> store.putAll(run.id(), incoming(sample.subList(3, 4))));
    assertTrue(ended.getMessage().contains("import run 1 has ended (FAILED: the disk is full)"),
        ended.getMessage());
    assertThrows(StoreException.class, () -> store.finishRun(run.id(), RunCounts.zero()));
  }

  @Test
  void aRunOfThisProcessIsLeftRunningWhenTheStoreIsOpenedAgain() {
    ImportRun run = store.beginRun("import", List.of());
    try (StudyStore again = StudyStores.open(location, clock)) {
      assertEquals(ImportRun.Status.RUNNING, again.importRuns().getFirst().status());
    }
    store.putAll(run.id(), incoming(sample.subList(0, 1)));
    store.finishRun(run.id(), RunCounts.zero());
    assertEquals(ImportRun.Status.FINISHED, store.importRuns().getFirst().status());
  }

  @Test
  void aRunOfAnotherHostStaysRunningWhileItsHeartbeatIsFreshAndIsInterruptedWhenItIsStale() throws SQLException {
    ImportRun run = store.beginRun("import on another node", List.of());
    // Another node sharing the database: its pid means nothing here, only its heartbeat counts.
    try (Connection c = rawConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE import_run SET owner_host = 'another-node', owner_pid = 1 WHERE id = ?")) {
      ps.setLong(1, run.id());
      ps.executeUpdate();
    }
    clock.advance(Duration.ofMinutes(9));
    reopen();
    assertEquals(ImportRun.Status.RUNNING, store.importRuns().getFirst().status(), "beat 9 minutes ago");

    store.heartbeat(run.id());
    clock.advance(Duration.ofMinutes(9));
    reopen();
    assertEquals(ImportRun.Status.RUNNING, store.importRuns().getFirst().status(),
        "started 18 minutes ago, but beat 9 minutes ago");

    Instant noticed = clock.advance(RunOwner.HEARTBEAT_LIMIT.minusMinutes(8));
    reopen();
    ImportRun interrupted = store.importRuns().getFirst();
    assertEquals(ImportRun.Status.INTERRUPTED, interrupted.status());
    assertEquals(Optional.of(noticed), interrupted.finishedAt());
    String reason = interrupted.reason().orElseThrow();
    assertTrue(reason.contains("no heartbeat from its process (pid 1 on another-node) since "
        + T0.plus(Duration.ofMinutes(9)).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), reason);
  }

  @Test
  void aRunWhoseProcessWasKilledIsMarkedInterruptedByTheNextOpen() throws Exception {
    String where = location instanceof StoreLocation.Postgres pg
        ? pg.jdbcUrl() : ((StoreLocation.Sqlite) location).dataDir().toString();
    String javaBin = ProcessHandle.current().info().command()
        .orElse(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        RunHolder.class.getName(), where).redirectErrorStream(true).start();
    long pid = child.pid();
    StringBuilder said = new StringBuilder();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.startsWith("running ")) {
        said.append(line).append('\n');
      }
      assertTrue(line != null, "the child ended before it began its run:\n" + said);
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to record anything
      assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    }
    assertEquals(ImportRun.Status.RUNNING, store.importRuns().getFirst().status(),
        "nothing marks it until a store is opened");

    reopen();

    ImportRun run = store.importRuns().getFirst();
    assertEquals("held until killed", run.command());
    assertEquals(ImportRun.Status.INTERRUPTED, run.status());
    assertEquals(pid, run.owner().orElseThrow().pid());
    String reason = run.reason().orElseThrow();
    assertTrue(reason.startsWith("interrupted: its process (pid " + pid + " on "
        + run.owner().get().host() + ") ended without finishing it"), reason);
    reopen();
    assertEquals(List.of(run), store.importRuns().stream().filter(r -> r.id() == run.id()).toList(),
        "marked once");
  }

  private void reopen() {
    store.close();
    store = StudyStores.open(location, clock);
  }

  // ------------------------------------------------------------------ schema at start-up

  @Test
  void aCurrentSchemaIsNotMigratedAgainOnOpen() throws SQLException {
    importRun(sample.subList(0, 2));
    // Flyway checks the checksum of every applied migration whenever it runs, and refuses a
    // changed one; so a store that opens with a changed checksum was not handed to Flyway.
    try (Connection c = rawConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");
    }
    reopen();
    assertEquals(2, store.counts().studies());
  }

  @Test
  void aStoreAtAnOlderSchemaIsMigratedOnOpen() throws SQLException {
    importRun(sample.subList(0, 2));
    try (Connection c = rawConnection(); Statement s = c.createStatement()) {
      for (String column : List.of("reason", "owner_host", "owner_pid", "owner_started_micros",
          "heartbeat_micros")) {
        s.executeUpdate("ALTER TABLE import_run DROP COLUMN " + column);
      }
      s.executeUpdate("DROP TABLE api_token");
      s.executeUpdate("DROP TABLE sync_state");
      for (String table : List.of("alert_subscription", "alert_member", "alert", "alert_follower")) {
        s.executeUpdate("DROP TABLE " + table);
      }
      // Back to V3: V4 to V7 run again on open.
      s.executeUpdate("DELETE FROM flyway_schema_history WHERE version IN ('4', '5', '6', '" + Database.SCHEMA_VERSION
          + "')");
    }
    reopen();
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), migrationsApplied());
    ImportRun run = store.beginRun("after the migration", List.of());
    assertEquals(ProcessHandle.current().pid(), run.owner().orElseThrow().pid());
    assertEquals(run, store.importRuns().getFirst());
    assertEquals("ci", store.tokens().issue("ci", Set.of(ApiToken.Scope.IMPORT), Optional.empty()).token().name());
  }

  @Test
  void theSchemaVersionIsTheNewestMigration() throws Exception {
    try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of(
        Database.class.getResource("/db/migration").toURI()))) {
      int newest = files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .max().orElseThrow();
      assertEquals(String.valueOf(newest), Database.SCHEMA_VERSION);
    }
  }

  // ------------------------------------------------------------------ lifecycle

  @Test
  void reopeningTheStoreKeepsEverythingAndDoesNotMigrateAgain() throws SQLException {
    importRun(sample);
    importRun(List.of(withBriefTitle(sample.get(2), "changed")));
    StoreCounts counts = store.counts();
    List<ImportRun> runs = store.importRuns();
    store.close();

    store = StudyStores.open(location, clock);
    store.close();
    store = StudyStores.open(location, clock);

    assertEquals(counts, store.counts());
    assertEquals(runs, store.importRuns());
    assertEquals(2, store.current(nctId(sample.get(2))).orElseThrow().version());
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), migrationsApplied());
    assertEquals(List.of(new PutOutcome(nctId(sample.get(2)), Kind.UNCHANGED, 2)),
        importRun(List.of(withBriefTitle(sample.get(2), "changed"))));
  }

  @Test
  void aClosedStoreSaysSo() {
    store.close();

    StoreException e = assertThrows(StoreException.class, () -> store.counts());
    assertTrue(e.getMessage().contains("is closed; open it again"), e.getMessage());
  }

  String rawJson(String nctId, int version) throws SQLException {
    try (Connection c = rawConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT json FROM study_version WHERE nct_id = ? AND version = ?")) {
      ps.setString(1, nctId);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no version " + version + " of " + nctId);
        return rs.getString(1);
      }
    }
  }

  // ------------------------------------------------------------------ several sources (issue #3)

  static Provenance page(String layout) {
    return new Provenance("registry-page", "seeds/page.txt", "page 1", Map.of(Provenance.LAYOUT, layout));
  }

  /** A registry page's view of a sample record: the titles, the conditions and the given ages. */
  static Study pageOf(Study registry, String nctId, String minimumAge, String maximumAge) {
    var ident = registry.protocolSection().identificationModule();
    ObjectNode tree = JSON.mapper().createObjectNode();
    ObjectNode id = tree.putObject("protocolSection").putObject("identificationModule");
    if (nctId != null) {
      id.put("nctId", nctId);
    }
    id.put("briefTitle", ident.briefTitle());
    if (ident.officialTitle() != null) {
      id.put("officialTitle", ident.officialTitle());
    }
    ObjectNode elig = ((ObjectNode) tree.get("protocolSection")).putObject("eligibilityModule");
    elig.put("minimumAge", minimumAge);
    elig.put("maximumAge", maximumAge);
    return JSON.read(tree);
  }

  static Study withAges(Study study, String min, String max) {
    ObjectNode tree = (ObjectNode) JSON.tree(study);
    ObjectNode elig = (ObjectNode) tree.at("/protocolSection/eligibilityModule");
    elig.put("minimumAge", min);
    elig.put("maximumAge", max);
    return JSON.read(tree);
  }

  List<PutOutcome> put(Incoming... records) {
    ImportRun run = store.beginRun("import", List.of());
    List<PutOutcome> outcomes = store.putAll(run.id(), List.of(records));
    store.finishRun(run.id(), RunCounts.zero().plus(outcomes));
    return outcomes;
  }

  @Test
  void aPageAndTheRegistryRecordOfOneTrialMergeIntoOneCurrentRecordWithConflicts() {
    Study registry = withAges(sample.get(4), "15 Years", "70 Years");
    String id = nctId(registry);
    Study page = pageOf(registry, id, "13 Years", "68 Years");

    assertEquals(List.of(new PutOutcome(id, Kind.NEW, 1)), put(new Incoming(page, page("portal-study-plan"))));
    assertEquals(List.of(new PutOutcome(id, Kind.UPDATED, 2)), put(new Incoming(registry, provenance(4))));

    StoredStudy current = store.current(id).orElseThrow();
    assertEquals(2, current.version());
    assertEquals("15 Years", current.study().protocolSection().eligibilityModule().minimumAge());
    assertEquals(JSON.tree(registry), JSON.tree(current.study()), "every field the page has, the registry has too");
    assertEquals(JSON.write(current.study()), new String(store.currentJson(id).orElseThrow(), StandardCharsets.UTF_8),
        "the merge, as current() reads it");
    assertEquals(List.of("registry-page:portal-study-plan", "ctgov-v2-json"),
        store.versions(id).stream().map(VersionInfo::sourceKey).toList());
    MergeView merge = store.merge(id).orElseThrow();
    assertEquals(List.of("ctgov-v2-json", "registry-page:portal-study-plan"),
        merge.sources().stream().map(VersionInfo::sourceKey).toList());
    assertEquals(List.of("protocolSection.eligibilityModule.maximumAge", "protocolSection.eligibilityModule.minimumAge"),
        merge.conflicts().stream().map(c -> c.path()).sorted().toList());
    assertEquals(1, store.counts().studies());
  }

  @Test
  void eachSourceIsComparedWithItsOwnNewestVersion() {
    Study registry = sample.get(5);
    String id = nctId(registry);
    Study page = pageOf(registry, id, "18 Years", "65 Years");
    put(new Incoming(page, page("portal-list")));
    put(new Incoming(registry, provenance(5)));

    assertEquals(List.of(new PutOutcome(id, Kind.UNCHANGED, 2)), put(new Incoming(page, page("portal-list"))));
    assertEquals(List.of(new PutOutcome(id, Kind.UNCHANGED, 2)), put(new Incoming(registry, provenance(5))));
    // The same page content seen on another portal is another source.
    assertEquals(List.of(new PutOutcome(id, Kind.UPDATED, 3)), put(new Incoming(page, page("ctgov-classic"))));
    assertEquals(3, store.merge(id).orElseThrow().sources().size());
  }

  @Test
  void aPageWithoutNctIdIsLinkedWhenItsRegistryRecordArrivesWithTheSameTitles() {
    Study registry = withAges(sample.get(6), "15 Years", "70 Years");
    String id = nctId(registry);
    Study page = pageOf(registry, null, "13 Years", "68 Years");
    Provenance pageSource = new Provenance("registry-page", "p.txt", "page 1",
        Map.of(Provenance.LAYOUT, "portal-study-plan", "contentId", "TDX-0123456789abcdef"));

    assertEquals(List.of(new PutOutcome("TDX-0123456789abcdef", Kind.NEW, 1)),
        put(new Incoming("TDX-0123456789abcdef", page, pageSource, List.of())));
    assertEquals(List.of(new PutOutcome(id, Kind.NEW, 1)), put(new Incoming(registry, provenance(6))));

    assertEquals(Optional.of(id), store.resolve("TDX-0123456789abcdef"));
    assertEquals(id, store.current("TDX-0123456789abcdef").orElseThrow().nctId());
    assertArrayEquals(store.currentJson(id).orElseThrow(), store.currentJson("TDX-0123456789abcdef").orElseThrow(),
        "an alias finds its record's JSON");
    assertEquals(List.of(1, 2), store.versions(id).stream().map(VersionInfo::version).toList());
    assertEquals(List.of("ctgov-v2-json", "registry-page:portal-study-plan"),
        store.versions(id).stream().map(VersionInfo::sourceKey).toList());
    assertEquals(List.of("identical brief and official titles"), store.links(id).stream().map(Link::reason).toList());
    assertEquals(List.of("TDX-0123456789abcdef"), store.linksSince(T0).stream().map(Link::alias).toList());
    assertEquals(List.of(), store.linksSince(clock.instant().plusSeconds(1)));
    assertEquals(1, store.counts().studies());
    assertEquals(2, store.merge(id).orElseThrow().conflicts().size());
  }

  @Test
  void aPageWithoutNctIdArrivingAfterItsRegistryRecordJoinsItAtOnce() {
    Study registry = sample.get(7);
    String id = nctId(registry);
    put(new Incoming(registry, provenance(7)));
    Study page = pageOf(registry, null, "18 Years", "99 Years");

    assertEquals(List.of(new PutOutcome(id, Kind.UPDATED, 2)),
        put(new Incoming("TDX-feedfacefeedface", page, page("portal-list"), List.of())));
    assertEquals(Optional.of(id), store.resolve("TDX-feedfacefeedface"));
    assertEquals(1, store.counts().studies());
  }

  @Test
  void aRegistryRecordListingAPagesRegistryIdLinksIt() {
    Study registry = sample.get(8);
    String id = nctId(registry);
    String other = registry.protocolSection().identificationModule().orgStudyIdInfo().id();
    Study page = pageOf(sample.get(9), null, "18 Years", "65 Years"); // other titles: no title link
    put(new Incoming(other, page, page("portal-list"), List.of()));
    // The registry record is version 1; the page it names follows as version 2.
    assertEquals(List.of(new PutOutcome(id, Kind.NEW, 1)), put(new Incoming(registry, provenance(8))));
    assertEquals(2, store.versions(id).size());

    assertEquals(Optional.of(id), store.resolve(other));
    assertEquals("the registry record lists " + other + " among its identifiers", store.links(id).get(0).reason());
  }

  @Test
  void aRecordCanBeLinkedByHandAndBadLinksSayWhy() {
    Study registry = sample.get(10);
    String id = nctId(registry);
    put(new Incoming(registry, provenance(10)));
    Study page = pageOf(sample.get(11), null, "18 Years", "65 Years");
    put(new Incoming("ChiCTR2000029606", page, page("portal-list"), List.of()));

    assertThrows(IllegalArgumentException.class, () -> store.link("ChiCTR2000029606", "12345", "x"));
    assertTrue(assertThrows(StoreException.class, () -> store.link("ChiCTR0000000000", id, "x"))
        .getMessage().contains("there is no record ChiCTR0000000000"));
    store.link("ChiCTR2000029606", id, "checked by the registry team");

    assertEquals(Optional.of(id), store.resolve("ChiCTR2000029606"));
    assertEquals(2, store.versions(id).size());
    assertEquals(2, store.merge(id).orElseThrow().sources().size());
    assertTrue(assertThrows(StoreException.class, () -> store.link("ChiCTR2000029606", id, "again"))
        .getMessage().contains("already linked to " + id));
  }

  @Test
  void spansAndProvenanceAttributesComeBackWithTheirVersion() {
    Study registry = sample.get(12);
    String id = nctId(registry);
    Study page = pageOf(registry, id, "18 Years", "65 Years");
    var spans = List.of(new org.trialdex.core.source.FieldSpan("protocolSection.eligibilityModule.minimumAge", 120, 128));
    Provenance source = new Provenance("registry-page", "p.txt", "page 2",
        Map.of(Provenance.LAYOUT, "generic", Provenance.URL, "https://example.org/trial/1"));
    put(new Incoming(id, page, source, spans));

    StoredStudy v1 = store.version(id, 1).orElseThrow();
    assertEquals(spans, v1.spans());
    assertEquals(source, v1.provenance());
    assertEquals(spans, store.current(id).orElseThrow().spans());
  }

  List<String> migrationsApplied() throws SQLException {
    try (Connection c = rawConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
        ResultSet rs = ps.executeQuery()) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
      return versions;
    }
  }

  // ------------------------------------------------------------------ the change log (issue #8)

  /** The whole log, read in pages of {@code page}. */
  List<Change> wholeLog(int page) {
    List<Change> all = new ArrayList<>();
    for (List<Change> batch = store.changesAfter(0, page); !batch.isEmpty();
        batch = store.changesAfter(batch.getLast().position(), page)) {
      all.addAll(batch);
    }
    return all;
  }

  @Test
  void everyNewVersionTakesTheNextLogPositionAndAnUnchangedRecordNone() {
    assertEquals(0, store.logHead());
    assertEquals(List.of(), store.changesAfter(0, 10));

    importRun(sample);
    importRun(sample);
    importRun(List.of(withBriefTitle(sample.get(3), "changed")));

    List<Change> log = wholeLog(7);
    assertEquals(101, store.logHead());
    assertEquals(LongStream.rangeClosed(1, 101).boxed().toList(), log.stream().map(Change::position).toList());
    // In the order written: the hundred records of the first chunk, then the one changed record.
    assertEquals(sample.stream().map(StudyStoreContract::nctId).toList(),
        log.subList(0, 100).stream().map(Change::recordId).toList());
    assertEquals(new Change.NewVersion(101, nctId(sample.get(3)), 2, T0), log.get(100));
    assertEquals(List.of(), store.changesAfter(101, 10));
    assertEquals(log.subList(98, 101), store.changesAfter(98, 10));
  }

  @Test
  void aChunkThatFailsWritesNothingToTheLog() throws SQLException {
    importRun(sample.subList(0, 10));
    failInsertsOf(nctId(sample.get(50)));
    ImportRun run = store.beginRun("import", List.of());

    assertThrows(StoreException.class, () -> store.putAll(run.id(), incoming(sample)));

    assertEquals(10, store.logHead());
    assertEquals(10, wholeLog(100).size());
    // The next chunk continues the log without a gap.
    store.putAll(run.id(), incoming(List.of(sample.get(20))));
    assertEquals(new Change.NewVersion(11, nctId(sample.get(20)), 1, T0), store.changesAfter(10, 10).getFirst());
  }

  @Test
  void linksAreChangesOfTheRecordTheyLinkInto() {
    Study registry = sample.get(10);
    String id = nctId(registry);
    put(new Incoming(registry, provenance(10)));
    put(new Incoming("ChiCTR2000029606", pageOf(sample.get(11), null, "18 Years", "65 Years"), page("portal-list"),
        List.of()));
    store.link("ChiCTR2000029606", id, "checked by the registry team");

    assertEquals(List.of(new Change.NewVersion(1, id, 1, T0), new Change.NewVersion(2, "ChiCTR2000029606", 1, T0),
        new Change.Linked(3, id, "ChiCTR2000029606", T0)), wholeLog(10));
  }

  @Test
  void aRegistryRecordThatLinksAStoredPageLogsTheLinkAndItsNewVersion() {
    Study registry = withAges(sample.get(6), "15 Years", "70 Years");
    String id = nctId(registry);
    put(new Incoming("TDX-0123456789abcdef", pageOf(registry, null, "13 Years", "68 Years"),
        page("portal-study-plan"), List.of()));
    put(new Incoming(registry, provenance(6)));

    List<Change> log = wholeLog(10);
    assertEquals(3, log.size(), log.toString());
    assertEquals(new Change.NewVersion(1, "TDX-0123456789abcdef", 1, T0), log.get(0));
    assertEquals(Set.of(new Change.Linked(2, id, "TDX-0123456789abcdef", T0), new Change.NewVersion(3, id, 1, T0)),
        Set.copyOf(log.subList(1, 3)));
  }

  @Test
  void badLogRequestsSayWhatIsAccepted() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> store.changesAfter(-1, 10)).getMessage()
        .contains("0 or more"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> store.changesAfter(0, 0)).getMessage()
        .contains("at least 1"));
  }

  @Test
  void currentOfReadsManyRecordsAtOnceAndLeavesOutUnknownIds() {
    importRun(sample);
    List<String> wanted = new ArrayList<>(sortedIds().subList(0, 60));
    wanted.add("NCT99999999");
    List<StoredStudy> found = store.currentOf(wanted);
    assertEquals(Set.copyOf(sortedIds().subList(0, 60)), found.stream().map(StoredStudy::nctId).collect(
        java.util.stream.Collectors.toSet()));
    for (StoredStudy s : found) {
      assertEquals(store.current(s.nctId()).orElseThrow(), s);
    }
    assertEquals(List.of(), store.currentOf(List.of()));
  }

  @Test
  void theStoreKeepsOneIdentityAcrossReopeningAndAnotherStoreHasAnother() throws Exception {
    String id = store.storeId();
    assertEquals(id, store.storeId());
    store.close();
    store = StudyStores.open(location, clock);
    assertEquals(id, store.storeId());

    try (StudyStore other = StudyStores.open(emptyLocation(), clock)) {
      assertTrue(!other.storeId().equals(id));
    }
  }

  @Test
  void twoWritersOnOneDatabaseLeaveOneGaplessLogWithEveryVersionOnce() throws Exception {
    try (StudyStore second = StudyStores.open(location, clock)) {
      List<Study> first = sample.subList(0, 50);
      List<Study> other = sample.subList(50, 100);
      Thread a = Thread.ofPlatform().start(() -> {
        ImportRun run = store.beginRun("a", List.of());
        for (Study s : first) {
          store.putAll(run.id(), incoming(List.of(s)));
        }
      });
      ImportRun run = second.beginRun("b", List.of());
      for (Study s : other) {
        second.putAll(run.id(), incoming(List.of(s)));
      }
      a.join();
    }
    List<Change> log = wholeLog(33);
    assertEquals(LongStream.rangeClosed(1, 100).boxed().toList(), log.stream().map(Change::position).toList());
    assertEquals(Set.copyOf(sortedIds()), log.stream().map(Change::recordId).collect(java.util.stream.Collectors.toSet()));
  }

  // ------------------------------------------------------------------ API tokens (issue #13)

  private static final Set<ApiToken.Scope> ALL_SCOPES = Set.of(ApiToken.Scope.values());

  @Test
  void anIssuedTokenShowsItsSecretOnceAndTheStoreKeepsOnlyAnArgon2idHashOfIt() throws SQLException {
    IssuedToken issued = store.tokens().issue("ci", ALL_SCOPES, Optional.of(T0.plus(Duration.ofDays(90))));

    assertTrue(issued.secret().matches("tdx_1_[A-Za-z0-9_-]{43}"), issued.secret());
    assertEquals(new ApiToken(1, "ci", ALL_SCOPES, T0, Optional.of(T0.plus(Duration.ofDays(90))), Optional.empty(),
        Optional.empty()), issued.token());
    assertTrue(!issued.toString().contains(issued.secret()), "toString hides the secret");
    String secretPart = issued.secret().substring("tdx_1_".length());
    try (Connection c = rawConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM api_token")) {
      assertTrue(rs.next());
      assertTrue(rs.getString("secret_hash").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), rs.getString("secret_hash"));
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        String value = String.valueOf(rs.getObject(i));
        assertTrue(!value.contains(secretPart), "column " + rs.getMetaData().getColumnName(i) + " holds the secret");
      }
    }
  }

  @Test
  void theSecretOpensItsTokenAndAWrongSecretOrIdOrShapeIsUnknown() {
    IssuedToken issued = store.tokens().issue("ci", Set.of(ApiToken.Scope.IMPORT), Optional.empty());
    String secret = issued.secret();
    char last = secret.charAt(secret.length() - 1);
    String wrongSecret = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertEquals(new TokenCheck.Accepted(issued.token()), store.tokens().verify(secret));
    for (String presented : List.of(wrongSecret, secret.replace("tdx_1_", "tdx_2_"), "tdx_1_short", "Bearer " + secret,
        "hello")) {
      TokenCheck check = store.tokens().verify(presented);
      assertEquals(TokenCheck.Refusal.UNKNOWN, ((TokenCheck.Refused) check).refusal(), presented);
    }
    assertEquals(TokenCheck.Refusal.MISSING, ((TokenCheck.Refused) store.tokens().verify(" ")).refusal());
  }

  @Test
  void aRevokedTokenIsRefusedAsRevokedAndItsNameIsFreeAgain() {
    IssuedToken first = store.tokens().issue("ci", ALL_SCOPES, Optional.empty());
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> store.tokens().issue("ci", ALL_SCOPES, Optional.empty()));
    assertTrue(taken.getMessage().contains("token #1 is already named 'ci'"), taken.getMessage());

    clock.advance(Duration.ofMinutes(1));
    ApiToken revoked = store.tokens().revoke("ci");
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(1))), revoked.revokedAt());
    assertEquals(revoked, store.tokens().revoke("#1"), "revoking again changes nothing");
    TokenCheck.Refused refused = (TokenCheck.Refused) store.tokens().verify(first.secret());
    assertEquals(TokenCheck.Refusal.REVOKED, refused.refusal());
    assertTrue(refused.message().startsWith("token 'ci' (#1) was revoked at "), refused.message());

    IssuedToken second = store.tokens().issue("ci", ALL_SCOPES, Optional.empty());
    assertEquals(2, second.token().id());
    assertEquals(Optional.of(second.token()), store.tokens().find("ci"), "the name finds the token not revoked");
    assertEquals(Optional.of(revoked), store.tokens().find("1"));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> store.tokens().revoke("nobody"));
    assertTrue(none.getMessage().contains("there is no API token 'nobody'"), none.getMessage());
  }

  @Test
  void aTokenWorksUntilItsExpiryAndIsThenRefusedAsExpired() {
    IssuedToken issued = store.tokens().issue("short", ALL_SCOPES, Optional.of(T0.plus(Duration.ofHours(1))));
    clock.advance(Duration.ofMinutes(59));
    assertTrue(store.tokens().verify(issued.secret()) instanceof TokenCheck.Accepted);
    clock.advance(Duration.ofMinutes(1));
    assertEquals(TokenCheck.Refusal.EXPIRED, ((TokenCheck.Refused) store.tokens().verify(issued.secret())).refusal());
    assertThrows(IllegalArgumentException.class,
        () -> store.tokens().issue("past", ALL_SCOPES, Optional.of(clock.instant().minusSeconds(1))));
  }

  @Test
  void theListShowsEveryTokenWithItsLastUseAndARevokeIsSeenByEveryStoreOnTheDatabase() {
    IssuedToken a = store.tokens().issue("a", Set.of(ApiToken.Scope.LINK), Optional.empty());
    store.tokens().issue("b", Set.of(ApiToken.Scope.SYNC), Optional.empty());
    Instant used = clock.advance(Duration.ofMinutes(5));
    store.tokens().markUsed(a.token().id(), used);
    store.tokens().markUsed(a.token().id(), used.minusSeconds(60)); // an older mark does not go back

    try (StudyStore other = StudyStores.open(location, clock)) {
      assertEquals(List.of("a", "b"), other.tokens().list().stream().map(ApiToken::name).toList());
      assertEquals(Optional.of(used), other.tokens().list().getFirst().lastUsedAt());
      assertEquals(Set.of(ApiToken.Scope.SYNC), other.tokens().list().get(1).scopes());
      other.tokens().revoke("a");
    }
    assertTrue(store.tokens().find(a.token().id()).orElseThrow().revoked());
  }

  // ---------------------------------------------------------------- sync marks and the sync lease

  @Test
  void aSyncMarkIsKeptPerUpstreamAndReadBackAsSaved() {
    String up = "http://127.0.0.1:1/api/v2";
    assertEquals(SyncMark.none(up), store.syncMark(up));
    SyncMark running = new SyncMark(up, Optional.empty(), Optional.of(java.time.LocalDate.of(2024, 3, 5)),
        Optional.of(Micros.truncate(clock.instant())), Optional.empty());
    store.saveSyncMark(running);
    assertEquals(running, store.syncMark(up));
    assertEquals(java.time.LocalDate.of(2024, 3, 5), store.syncMark(up).startFrom().orElseThrow());
    SyncMark done = new SyncMark(up, Optional.of(java.time.LocalDate.of(2024, 4, 1)), Optional.empty(), Optional.empty(),
        Optional.of(Micros.truncate(clock.advance(Duration.ofMinutes(3)))));
    store.saveSyncMark(done);
    assertEquals(done, store.syncMark(up));
    assertEquals(SyncMark.none("https://clinicaltrials.gov/api/v2"), store.syncMark("https://clinicaltrials.gov/api/v2"),
        "another upstream has its own mark");
  }

  @Test
  void theSyncLeaseGoesToOneProcessAtATimeAndIsFreeOnceItsHolderIsGone() throws Exception {
    String up = "http://127.0.0.1:2/api/v2";
    assertEquals(Optional.empty(), store.claimSync(up, Duration.ofMinutes(2)));
    assertEquals(Optional.empty(), store.claimSync(up, Duration.ofMinutes(2)), "its holder renews it");
    // A process of another host holds it, its lease running: refused, naming the holder.
    setHolder(up, "other-host|4242|", clock.instant().plus(Duration.ofMinutes(2)));
    Optional<String> refused = store.claimSync(up, Duration.ofMinutes(2));
    assertTrue(refused.isPresent() && refused.get().contains("process 4242 on other-host"), refused.toString());
    // Its lease ran out (its node died): free.
    clock.advance(Duration.ofMinutes(3));
    assertEquals(Optional.empty(), store.claimSync(up, Duration.ofMinutes(2)));
    // A process of this host that is gone (killed), its lease still running: free at once.
    Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
        .redirectErrorStream(true).start();
    gone.getInputStream().readAllBytes();
    gone.waitFor();
    setHolder(up, RunOwner.thisHost() + "|" + gone.pid() + "|", clock.instant().plus(Duration.ofMinutes(2)));
    assertEquals(Optional.empty(), store.claimSync(up, Duration.ofMinutes(2)));
    store.releaseSync(up);
    setHolder(up, "other-host|4242|", clock.instant().plus(Duration.ofMinutes(2)));
    store.releaseSync(up);
    assertTrue(store.claimSync(up, Duration.ofMinutes(2)).isPresent(), "release frees only the releaser's own lease");
  }

  private void setHolder(String upstream, String holder, Instant until) throws SQLException {
    try (Connection c = rawConnection();
        java.sql.PreparedStatement ps = c.prepareStatement(
            "UPDATE sync_state SET holder = ?, lease_until_micros = ? WHERE upstream = ?")) {
      ps.setString(1, holder);
      ps.setLong(2, Micros.of(until));
      ps.setString(3, upstream);
      assertEquals(1, ps.executeUpdate());
    }
  }
}
