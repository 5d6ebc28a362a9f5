package org.trialdex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialdex.app.service.CriteriaCache;
import org.trialdex.app.service.Matches;
import org.trialdex.app.service.Searches;
import org.trialdex.core.eligibility.CriterionParser;
import org.trialdex.core.eligibility.NoteReader;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.model.Study;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SharedSets;
import org.trialdex.search.Embeddings;
import org.trialdex.search.SearchService;
import org.trialdex.search.StudyIndex;
import org.trialdex.store.StoreLocation;
import org.trialdex.store.StudyStore;

/**
 * Patient-matching latency at scale: one patient (a TREC 2021 note) against an index of {@code
 * --records} generated records ({@link CorpusGenerator}, as SearchBench), the best 60 candidates
 * judged criterion by criterion and the top 50 returned, through the same {@link Matches} service the
 * CLI, API and portal use. Reports warm latency (criteria parses cached, as in a serving node), cold
 * (a new service per query: every candidate's criteria parsed), cold process with parses on disk (a
 * new service per query whose parses come from the cache file beside the index, {@link CriteriaCache},
 * filled by an earlier pass), and the index-time costs per real record: criteria parsing and the
 * sentence embedding.
 *
 * <p>Run: {@code java -Xmx6g -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*"
 * org.trialdex.bench.MatchBench --shared ../shared --records 600000 --index /tmp/matchbench-index}
 * (add {@code -Dtrialdex.embeddings=false} to build the index without embeddings).
 */
public final class MatchBench {

  private MatchBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse("MatchBench", args);
    Path shared = Path.of(opts.getOrDefault("--shared", "../shared"));
    long records = Long.parseLong(opts.getOrDefault("--records", "600000"));
    int queries = Integer.parseInt(opts.getOrDefault("--queries", "40"));
    Path dir = opts.containsKey("--index") ? Path.of(opts.get("--index")) : Files.createTempDirectory("trialdex-match-bench");
    Vocabulary vocabulary = Vocabulary.load(shared.resolve("data/terms"));

    costsPerRecord(shared.resolve("data"), vocabulary);

    List<JsonNode> templates = SearchBench.templates(shared);
    try (StudyIndex index = StudyIndex.open(dir, vocabulary)) {
      if (index.count() != records) {
        long started = System.nanoTime();
        CorpusGenerator.indexInto(index, templates, records, started);
        System.out.printf(Locale.ROOT, "indexed %,d records in %.1f s (embeddings %s)%n", records, (System.nanoTime() - started) / 1e9,
            index.hasVectors() ? "on" : "off");
      } else {
        System.out.printf(Locale.ROOT, "reusing the index of %,d records at %s (embeddings %s)%n", records, dir, index.hasVectors() ? "on" : "off");
      }
      SearchService service = new SearchService(index);
      Path storeDir = Files.createTempDirectory("trialdex-match-bench-store");
      try (StudyStore store = org.trialdex.store.StudyStores.open(new StoreLocation.Sqlite(storeDir), Clock.systemUTC())) {
        Searches searches = new Searches(store, () -> service);
        List<String> notes = new ArrayList<>(MatchEval.notes(shared.resolve("data/trialgpt/trec_2021/queries.jsonl")).values());
        notes.sort(String::compareTo);
        NoteReader reader = new NoteReader(vocabulary);
        List<Patient> patients = notes.stream().limit(queries).map(n -> reader.read(n, MatchEval.NOTE_DATE)).toList();
        Matches warm = new Matches(searches, () -> vocabulary, Clock.systemUTC());
        Matches.Options top50 = new Matches.Options(50, false);
        for (Patient p : patients.subList(0, Math.min(5, patients.size()))) {
          warm.match(p, top50); // JIT and caches
        }
        // The parse cache beside the index, filled by an earlier pass (as an earlier process would).
        Path cacheFile = CriteriaCache.fileFor(dir);
        try (CriteriaCache fill = CriteriaCache.open(cacheFile)) {
          Matches filler = new Matches(searches, () -> vocabulary, Clock.systemUTC(), fill);
          for (Patient p : patients) {
            filler.match(p, top50);
          }
        }
        long[] warmNanos = new long[patients.size()];
        long[] coldNanos = new long[patients.size()];
        long[] diskNanos = new long[patients.size()];
        int judged = 0;
        long diskHits = 0;
        long diskMisses = 0;
        for (int i = 0; i < patients.size(); i++) {
          Matches cold = new Matches(searches, () -> vocabulary, Clock.systemUTC());
          long t = System.nanoTime();
          Matches.Result r = cold.match(patients.get(i), top50);
          coldNanos[i] = System.nanoTime() - t;
          // A new process: an empty memory level, the file opened on first use, every parse decoded from it.
          try (CriteriaCache disk = CriteriaCache.open(cacheFile)) {
            Matches onDisk = new Matches(searches, () -> vocabulary, Clock.systemUTC(), disk);
            t = System.nanoTime();
            onDisk.match(patients.get(i), top50);
            diskNanos[i] = System.nanoTime() - t;
            diskHits += disk.stats().hits();
            diskMisses += disk.stats().misses();
          }
          t = System.nanoTime();
          warm.match(patients.get(i), top50);
          warmNanos[i] = System.nanoTime() - t;
          judged += r.candidates();
        }
        System.out.printf(Locale.ROOT, "match, top 50 of the best %d judged (mean %.0f), %d patients:%n", Matches.JUDGED,
            (double) judged / patients.size(), patients.size());
        print("  warm (parses cached)", warmNanos);
        print("  cold (every candidate parsed)", coldNanos);
        print(String.format(Locale.ROOT, "  cold process, parses on disk (%,d read, %,d missed)", diskHits, diskMisses), diskNanos);
        System.out.printf(Locale.ROOT, "  parse cache file: %s, %,d bytes%n", cacheFile, Files.size(cacheFile));
      }
    }
  }

  private static void print(String label, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int slowest = 0;
    for (int i = 1; i < nanos.length; i++) {
      slowest = nanos[i] > nanos[slowest] ? i : slowest;
    }
    System.out.printf(Locale.ROOT, "%s: p50 %.0f ms, p90 %.0f ms, max %.0f ms (patient %d)%n", label, s[s.length / 2] / 1e6,
        s[Math.min(s.length - 1, s.length * 9 / 10)] / 1e6, s[s.length - 1] / 1e6, slowest);
  }

  /** What indexing a real record costs for matching: parsing its criteria, embedding its text. */
  static void costsPerRecord(Path data, Vocabulary vocabulary) {
    List<Study> studies = new ArrayList<>();
    SharedSets.readAll(data, (set, result) -> {
      if (result instanceof ReadResult.Read read && read.study().protocolSection() != null) {
        studies.add(read.study());
      }
    });
    CriterionParser parser = new CriterionParser(vocabulary);
    for (Study s : studies.subList(0, 300)) { // warm-up
      parser.parseAll(criteria(s));
    }
    long t = System.nanoTime();
    long items = 0;
    for (Study s : studies) {
      items += parser.parseAll(criteria(s)).size();
    }
    double parseMs = (System.nanoTime() - t) / 1e6 / studies.size();
    System.out.printf(Locale.ROOT, "parse: %,d records, %,d criteria, %.2f ms a record (one thread)%n", studies.size(), items, parseMs);
    int n = Math.min(1000, studies.size());
    Embeddings.embed("warm up");
    t = System.nanoTime();
    for (Study s : studies.subList(studies.size() - n, studies.size())) {
      Embeddings.embed(Embeddings.text(s) + " ");
    }
    System.out.printf(Locale.ROOT, "embedding: %.1f ms a record (%d records, one thread)%n", (System.nanoTime() - t) / 1e6 / n, n);
  }

  private static String criteria(Study s) {
    var e = s.protocolSection().eligibilityModule();
    return e == null ? null : e.eligibilityCriteria();
  }
}
