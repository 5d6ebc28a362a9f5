package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.cli.Main;
import org.trialdex.core.json.StudyJson;
import org.trialdex.store.Change;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.StudyStore;
import org.trialdex.store.StudyStores;
import org.trialdex.testing.SharedData;

/**
 * {@code trialdex backup} and {@code trialdex restore} of the embedded store (issue #13): a backup
 * taken while a server serves and an import writes is the store exactly at its manifest's
 * change-log position; a restored store serves the same records and its index is rebuilt; and
 * every refusal (a busy or occupied target, a damaged backup, a non-empty backup folder,
 * PostgreSQL) says why, exits with its code and changes nothing.
 */
class BackupRestoreTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PALLAS = "NCT02513394";

  @TempDir Path dir;

  @Test
  void aBackupTakenWhileAServerServesAndAnImportWritesIsTheStoreAtItsManifestPosition() throws Exception {
    Path data = dir.resolve("data");
    List<String> store = List.of("--data", data.toString());
    List<JsonNode> sample = sample();
    // 1,000 records, then an import of 6,000: the same 1,000 changed and 5,000 new.
    assertEquals(0, Cli.run(Cli.with(store, "import", write("old.ndjson", sample, "old", 10).toString())).exitCode());
    Path newSet = write("new.ndjson", sample, "new", 60);
    Path backup = dir.resolve("backup");
    long headBefore;
    long headAfter;
    try (ServerProcess server = ServerProcess.start(dir.resolve("logs"), store);
        StudyStore watcher = StudyStores.open(new StoreLocation.Sqlite(data), Clock.systemUTC())) {
      headBefore = watcher.logHead();
      Process importing = trialdexProcess(Cli.with(store, "import", newSet.toString()), dir.resolve("import.log"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (importing.isAlive() && watcher.logHead() < headBefore + Trialdex.CHUNK_SIZE && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Cli backedUp = Cli.run(Cli.with(store, "backup", backup.toString()));
      assertEquals(0, backedUp.exitCode(), backedUp.toString());
      assertTrue(backedUp.out().contains("the search index is not in the backup"), backedUp.toString());
      assertTrue(importing.waitFor(180, TimeUnit.SECONDS), "the import did not finish");
      assertEquals(0, importing.exitValue(), Files.readString(dir.resolve("import.log")));
      headAfter = watcher.logHead();
      assertEquals(200, server.get("/api/v2/studies/" + id(59, 0)).status(), "the server kept serving");
    }

    JsonNode manifest = MAPPER.readTree(backup.resolve("manifest.json").toFile());
    long position = manifest.get("logHead").asLong();
    assertTrue(position > headBefore && position < headAfter, "the backup was taken while the import wrote: before "
        + headBefore + ", backup " + position + ", after " + headAfter + "; make the import larger");
    assertEquals("trialdex-backup", manifest.get("format").asText());
    assertEquals(List.of("format", "formatVersion", "storeId", "logHead", "schemaVersion", "studies", "versions",
        "takenAt", "trialdexVersion", "database"), fieldNames(manifest));
    assertEquals(sha256(backup.resolve("trialdex.db")), manifest.at("/database/sha256").asText());
    assertEquals(List.of("ok"), integrityCheck(backup.resolve("trialdex.db")));
    assertEquals(List.of("manifest.json", "trialdex.db"), names(backup), "the copy is one file beside its manifest");

    // Every record of the copy is the source's record as it stood at the manifest's position: the
    // source's log says which records changed after it, and how many versions each gained since.
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    Files.copy(backup.resolve("trialdex.db"), copy.resolve("trialdex.db"));
    try (StudyStore source = StudyStores.open(new StoreLocation.Sqlite(data), Clock.systemUTC());
        StudyStore copied = StudyStores.open(new StoreLocation.Sqlite(copy), Clock.systemUTC())) {
      Map<String, Integer> versionsAfter = new HashMap<>();
      long newRecordsAfter = 0;
      for (Change c : source.changesAfter(position, Integer.MAX_VALUE)) {
        Change.NewVersion v = (Change.NewVersion) c; // an import of plain v2 records links nothing
        versionsAfter.merge(v.recordId(), 1, Integer::sum);
        newRecordsAfter += v.version() == 1 ? 1 : 0;
      }
      assertEquals(manifest.get("storeId").asText(), copied.storeId());
      assertEquals(source.storeId(), copied.storeId());
      assertEquals(position, copied.logHead());
      assertEquals(manifest.get("studies").asLong(), copied.counts().studies());
      assertEquals(manifest.get("versions").asLong(), copied.counts().versions());
      assertEquals(source.counts().studies() - newRecordsAfter, copied.counts().studies());
      assertEquals(source.counts().versions() - (headAfter - position), copied.counts().versions());
      StudyJson json = StudyJson.standard();
      long compared = 0;
      try (Stream<StoredStudy> all = copied.currentAll()) {
        for (StoredStudy record : (Iterable<StoredStudy>) all::iterator) {
          String id = record.nctId();
          int gained = versionsAfter.getOrDefault(id, 0);
          int versionThen = source.versions(id).size() - gained;
          assertEquals(versionThen, record.version(), id);
          if (gained == 0) {
            assertArrayEquals(source.currentJson(id).orElseThrow(), copied.currentJson(id).orElseThrow(), id);
          } else {
            assertEquals(json.write(source.version(id, versionThen).orElseThrow().study()), json.write(record.study()), id);
          }
          compared++;
        }
      }
      assertEquals(copied.counts().studies(), compared);
    }
  }

  @Test
  void aStoreRestoredIntoANewFolderServesTheSameRecordsAndSearchesAfterItsIndexIsRebuilt() throws Exception {
    List<String> source = importedStore("source", SharedData.v2Sample(), SharedData.pallasV2());
    Cli searched = Cli.run(Cli.with(source, "search", "--cond", "lung cancer", "--count-total", "--format", "json"));
    assertEquals(0, searched.exitCode(), searched.toString());
    int lungCancer = MAPPER.readTree(searched.out()).get("totalCount").asInt();
    assertTrue(lungCancer > 50, searched.out());
    Path backup = dir.resolve("backup");
    assertEquals(0, Cli.run(Cli.with(source, "backup", backup.toString())).exitCode());

    Path restoredDir = dir.resolve("restored");
    List<String> restored = List.of("--data", restoredDir.toString());
    Cli r = Cli.run(Cli.with(restored, "restore", backup.toString()));
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("restored 101 records (101 versions) of store "), r.toString());
    assertEquals(List.of("trialdex.db"), names(restoredDir), "the store alone: its index is rebuilt, not restored");
    assertEquals(List.of("restored"), names(dir).stream().filter(n -> n.contains("restor")).toList(),
        "no temporary folder is left");
    assertEquals(export(source), export(restored));

    String backupStoreId = MAPPER.readTree(backup.resolve("manifest.json").toFile()).get("storeId").asText();
    try (ServerProcess server = ServerProcess.start(dir.resolve("logs"), restored)) {
      ServerProcess.Answer page = server.get("/api/v2/studies/" + PALLAS);
      assertEquals(200, page.status(), "record pages answer at once");
      assertEquals(PALLAS, page.json().at("/protocolSection/identificationModule/nctId").asText());
      ServerProcess.Answer search = untilSearchAnswers(server, "/api/v2/studies?query.cond=lung%20cancer&countTotal=true");
      assertEquals(lungCancer, search.json().get("totalCount").asInt(), "the rebuilt index finds what the source's found");
      JsonNode health = server.health();
      assertEquals(0, health.at("/index/lag").asLong(-1), health.toString());
      assertEquals("writer", health.at("/index/role").asText(), health.toString());
    }
    try (StudyStore store = StudyStores.open(new StoreLocation.Sqlite(restoredDir), Clock.systemUTC())) {
      assertNotEquals(backupStoreId, store.storeId(), "a restored store is a new history with an identity of its own");
    }
  }

  @Test
  void restoreRefusesATargetHoldingAStoreUnlessForcedAndThenKeepsTheOldStoreAside() throws Exception {
    List<String> source = importedStore("source", SharedData.v2Sample());
    Path backup = dir.resolve("backup");
    assertEquals(0, Cli.run(Cli.with(source, "backup", backup.toString())).exitCode());
    List<String> target = importedStore("target", SharedData.pallasV2());
    String before = export(target);

    Cli refused = Cli.run(Cli.with(target, "restore", backup.toString()));
    assertEquals(1, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("already holds a store") && refused.err().contains("--force")
        && refused.err().contains("nothing was restored"), refused.toString());
    assertEquals(before, export(target));

    Cli forced = Cli.run(Cli.with(target, "restore", backup.toString(), "--force"));
    assertEquals(0, forced.exitCode(), forced.toString());
    List<String> aside = names(dir).stream().filter(n -> n.startsWith("target.before-restore-")).toList();
    assertEquals(1, aside.size(), names(dir).toString());
    assertTrue(forced.out().contains("the store that was there is kept at " + dir.resolve(aside.getFirst())), forced.toString());
    assertEquals(before, export(List.of("--data", dir.resolve(aside.getFirst()).toString())), "the old store is whole");
    assertEquals(export(source), export(target));
  }

  @Test
  void restoreRefusesWhileAServerHasTheTargetOpen() throws Exception {
    List<String> source = importedStore("source", SharedData.v2Sample());
    Path backup = dir.resolve("backup");
    assertEquals(0, Cli.run(Cli.with(source, "backup", backup.toString())).exitCode());
    List<String> target = importedStore("target", SharedData.pallasV2());
    String before = export(target);
    try (ServerProcess server = ServerProcess.start(dir.resolve("logs"), target)) {
      Cli refused = Cli.run(Cli.with(target, "restore", backup.toString(), "--force"));
      assertEquals(1, refused.exitCode(), refused.toString());
      assertTrue(refused.err().contains("is open in another process") && refused.err().contains("stop it"),
          refused.toString());
      assertEquals(200, server.get("/api/v2/studies/" + PALLAS).status(), "the server goes on serving its store");
    }
    assertEquals(before, export(target));
    assertEquals(List.of("backup", "logs", "source", "target"), names(dir), "nothing kept aside, nothing left behind");
  }

  @Test
  void restoreRefusesATruncatedOrDamagedBackupAndChangesNothing() throws Exception {
    List<String> source = importedStore("source", SharedData.v2Sample());
    Path backup = dir.resolve("backup");
    assertEquals(0, Cli.run(Cli.with(source, "backup", backup.toString())).exitCode());
    List<String> target = importedStore("target", SharedData.pallasV2());
    String before = export(target);
    Path fresh = dir.resolve("fresh");

    // Cut in half, as by a full disk or an interrupted copy.
    Path truncated = copyOf(backup, "truncated");
    try (RandomAccessFile f = new RandomAccessFile(truncated.resolve("trialdex.db").toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    Cli cut = Cli.run("restore", truncated.toString(), "--data", fresh.toString());
    assertEquals(1, cut.exitCode(), cut.toString());
    assertTrue(cut.err().contains("does not match its manifest") && cut.err().contains("truncated")
        && cut.err().contains("nothing was restored"), cut.toString());

    // A page overwritten, the manifest's size and SHA-256 made to agree: SQLite's integrity check finds it.
    Path damaged = copyOf(backup, "damaged");
    Path damagedDb = damaged.resolve("trialdex.db");
    try (RandomAccessFile f = new RandomAccessFile(damagedDb.toFile(), "rw")) {
      f.seek(f.length() / 2 / 4096 * 4096);
      f.write(new byte[4096 * 4]);
    }
    ObjectNode manifest = (ObjectNode) MAPPER.readTree(damaged.resolve("manifest.json").toFile());
    ((ObjectNode) manifest.get("database")).put("sha256", sha256(damagedDb)).put("bytes", Files.size(damagedDb));
    MAPPER.writeValue(damaged.resolve("manifest.json").toFile(), manifest);
    Cli bad = Cli.run(Cli.with(target, "restore", damaged.toString(), "--force"));
    assertEquals(1, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("damaged") && bad.err().contains("nothing was restored"), bad.toString());

    // A folder without a manifest is not a backup, or one that did not finish.
    Path unfinished = copyOf(backup, "unfinished");
    Files.delete(unfinished.resolve("manifest.json"));
    Cli none = Cli.run(Cli.with(target, "restore", unfinished.toString(), "--force"));
    assertEquals(1, none.exitCode(), none.toString());
    assertTrue(none.err().contains("has no manifest.json"), none.toString());

    assertFalse(Files.exists(fresh), "no target made from a refused backup");
    assertEquals(before, export(target), "the target is as it was");
    assertEquals(List.of("backup", "damaged", "source", "target", "truncated", "unfinished"), names(dir),
        "nothing kept aside, nothing left behind");
    assertEquals(List.of("ok"), integrityCheck(backup.resolve("trialdex.db")), "the backup itself is untouched");
  }

  @Test
  void backupRefusesAFolderThatHoldsFilesUnlessForced() throws Exception {
    List<String> source = importedStore("source", SharedData.pallasV2());
    Path backup = dir.resolve("backup");
    Files.createDirectories(backup);
    Files.writeString(backup.resolve("notes.txt"), "mine");

    Cli refused = Cli.run(Cli.with(source, "backup", backup.toString()));
    assertEquals(1, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("is not empty") && refused.err().contains("--force"), refused.toString());
    assertEquals(List.of("notes.txt"), names(backup));

    assertEquals(0, Cli.run(Cli.with(source, "backup", backup.toString(), "--force")).exitCode());
    assertEquals(List.of("manifest.json", "notes.txt", "trialdex.db"), names(backup), "other files stay");
    Cli again = Cli.run(Cli.with(source, "backup", backup.toString(), "--force"));
    assertEquals(0, again.exitCode(), again.toString());
    assertEquals(List.of("manifest.json", "notes.txt", "trialdex.db"), names(backup), "the backup there is replaced");
    assertEquals("mine", Files.readString(backup.resolve("notes.txt")));
  }

  @Test
  void backupOfNoStoreOrIntoAFolderThatCannotBeMadeFailsClearly() throws Exception {
    Path missing = dir.resolve("missing");
    Cli noStore = Cli.run("backup", "--data", missing.toString(), dir.resolve("b1").toString());
    assertEquals(1, noStore.exitCode(), noStore.toString());
    assertTrue(noStore.err().contains("there is no embedded store at " + missing), noStore.toString());
    assertFalse(Files.exists(missing), "backup makes no store");

    List<String> source = importedStore("source", SharedData.pallasV2());
    Files.writeString(dir.resolve("a-file"), "x");
    Cli unwritable = Cli.run(Cli.with(source, "backup", dir.resolve("a-file").resolve("backup").toString()));
    assertEquals(1, unwritable.exitCode(), unwritable.toString());
    assertTrue(unwritable.err().contains("cannot create the backup folder"), unwritable.toString());

    Cli inside = Cli.run(Cli.with(source, "backup", dir.resolve("source").resolve("backup").toString()));
    assertEquals(1, inside.exitCode(), inside.toString());
    assertTrue(inside.err().contains("inside the store's data folder"), inside.toString());
    assertEquals(List.of("a-file", "source"), names(dir));
  }

  @Test
  void onPostgresqlBackupAndRestorePointAtItsOwnTools() {
    String url = "jdbc:postgresql://127.0.0.1:5432/trialdex?user=postgres";
    Cli backup = Cli.run("backup", "--db", url, dir.resolve("b").toString());
    assertEquals(2, backup.exitCode(), backup.toString());
    assertTrue(backup.err().contains("pg_dump -Fc"), backup.toString());
    Cli restore = Cli.run("restore", "--db", url, dir.resolve("b").toString());
    assertEquals(2, restore.exitCode(), restore.toString());
    assertTrue(restore.err().contains("pg_restore"), restore.toString());
    assertFalse(Files.exists(dir.resolve("b")));
  }

  /**
   * An index that followed the store past the backup's position must never answer for the
   * restored store, even once the restored store's log has grown past that position again (the
   * index is then not ahead, and only the restored store's new identity tells it apart).
   */
  @Test
  void anIndexThatFollowedTheStorePastTheBackupIsRebuiltForTheRestoredStore() throws Exception {
    Path index = dir.resolve("index");
    List<String> store = List.of("--data", dir.resolve("data").toString(), "--index", index.toString());
    assertEquals(0, Cli.run(Cli.with(store, "import", SharedData.v2Sample().toString())).exitCode());
    Path backup = dir.resolve("backup");
    assertEquals(0, Cli.run(Cli.with(store, "backup", backup.toString())).exitCode());
    // A copy of the database file by hand, unlike a restore, keeps the store's identity.
    Path byHand = dir.resolve("by-hand");
    Files.createDirectories(byHand);
    Files.copy(dir.resolve("data").resolve("trialdex.db"), byHand.resolve("trialdex.db"));
    assertEquals(0, Cli.run(Cli.with(store, "import", SharedData.pallasV2().toString())).exitCode());
    assertEquals(101, total(store), "the index follows the store past the backup");
    assertEquals(100, total(List.of("--data", byHand.toString(), "--index", index.toString())),
        "an index ahead of its store's log is rebuilt");
    assertEquals(101, total(store), "and follows the store again from there");

    assertEquals(0, Cli.run(Cli.with(store, "restore", backup.toString(), "--force")).exitCode());
    // The restored store gets one change while the old index sleeps: its log is then as long as
    // the log the index followed, with another record at the end.
    List<String> elsewhere = List.of("--data", dir.resolve("data").toString(), "--index", dir.resolve("other-index").toString());
    Path other = dir.resolve("other.ndjson");
    ObjectNode record = (ObjectNode) sample().getFirst().deepCopy();
    ((ObjectNode) record.at("/protocolSection/identificationModule")).put("nctId", "NCT07777777");
    Files.writeString(other, record.toString() + "\n");
    assertEquals(0, Cli.run(Cli.with(elsewhere, "import", other.toString())).exitCode());

    assertEquals(101, total(store));
    assertEquals(0, hits(store, PALLAS), "the old index's record is gone: it was rebuilt, not followed");
    assertEquals(1, hits(store, "NCT07777777"));
  }

  // ---------------------------------------------------------------- helpers

  private static int total(List<String> store) throws IOException {
    return count(Cli.with(store, "search", "--count-total", "--format", "json", "--page-size", "1"));
  }

  private static int hits(List<String> store, String nctId) throws IOException {
    return count(Cli.with(store, "search", "--ids", nctId, "--count-total", "--format", "json"));
  }

  private static int count(List<String> args) throws IOException {
    Cli all = Cli.run(args);
    assertEquals(0, all.exitCode(), all.toString());
    return MAPPER.readTree(all.out()).get("totalCount").asInt();
  }

  private List<String> importedStore(String name, Path... files) {
    List<String> store = List.of("--data", dir.resolve(name).toString());
    List<String> args = new ArrayList<>(Cli.with(store, "import"));
    for (Path f : files) {
      args.add(f.toString());
    }
    Cli imported = Cli.run(args);
    assertEquals(0, imported.exitCode(), imported.toString());
    return store;
  }

  private static String export(List<String> store) {
    Cli exported = Cli.run(Cli.with(store, "export"));
    assertEquals(0, exported.exitCode(), exported.toString());
    return exported.out();
  }

  private static ServerProcess.Answer untilSearchAnswers(ServerProcess server, String query) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      ServerProcess.Answer a = server.get(query);
      if (a.status() == 200) {
        return a;
      }
      assertEquals(503, a.status(), "while the index is rebuilt, searches answer 503: " + a.body());
      assertTrue(System.nanoTime() < deadline, "the index was not rebuilt within 120 s: " + a.body());
      Thread.sleep(100);
    }
  }

  private Path copyOf(Path backup, String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    for (String f : names(backup)) {
      Files.copy(backup.resolve(f), copy.resolve(f));
    }
    return copy;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> integrityCheck(Path db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private Process trialdexProcess(List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(ServerProcess.javaBin(), "-cp", System.getProperty("java.class.path")));
    // The same terminology folder as this JVM: processes sharing an index must index with one vocabulary.
    String terms = System.getProperty(org.trialdex.core.terms.Vocabulary.TERMS_PROPERTY);
    if (terms != null) {
      command.add("-D" + org.trialdex.core.terms.Vocabulary.TERMS_PROPERTY + "=" + terms);
    }
    command.add(Main.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static List<JsonNode> sample() throws IOException {
    List<JsonNode> sample = new ArrayList<>();
    MAPPER.readTree(SharedData.v2Sample().toFile()).forEach(sample::add);
    return sample;
  }

  private static String id(int copy, int i) {
    return String.format(Locale.ROOT, "NCT8%03d%04d", copy, i);
  }

  /** {@code copies} copies of the sample, each record with a new NCT id and its title tagged. */
  private Path write(String name, List<JsonNode> sample, String tag, int copies) throws IOException {
    Path p = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < copies; copy++) {
        for (int i = 0; i < sample.size(); i++) {
          ObjectNode n = sample.get(i).deepCopy();
          ObjectNode ident = (ObjectNode) n.at("/protocolSection/identificationModule");
          ident.put("nctId", id(copy, i));
          ident.put("briefTitle", "[" + tag + "] " + ident.path("briefTitle").asText());
          w.write(n.toString());
          w.write('\n');
        }
      }
    }
    return p;
  }
}
