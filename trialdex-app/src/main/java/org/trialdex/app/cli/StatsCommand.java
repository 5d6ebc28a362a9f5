package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.trialdex.app.SearchIndexing;
import org.trialdex.app.Trialdex;
import org.trialdex.core.derive.Coverage;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.geo.Precision;
import org.trialdex.core.terms.Concept;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.store.ImportRun;
import org.trialdex.store.StoreCounts;
import org.trialdex.store.StoredStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialdex stats}: what the store holds, and the imports that filled it. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"Counts current records by status, phase and study type, lists import runs, says how far the",
        "search index follows the store's change log, and what search understands: the vocabulary, the sites on",
        "the map by precision, and the fields derived for records that came without them."})
final class StatsCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  /** The longest command shown under a run (an import of many files names them all). */
  static final int COMMAND_SHOWN = 200;

  @Option(names = "--runs", defaultValue = "20", paramLabel = "N", description = "Import runs to list, newest first (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      StoreCounts c = trialdex.reports().counts();
      out.printf(Locale.ROOT, "%,d studies, %,d versions%n", c.studies(), c.versions());
      section(out, "By overall status", c.byStatus());
      section(out, "By phase (a study in two phases counts in both)", c.byPhase());
      section(out, "By study type", c.byStudyType());
      var all = trialdex.reports().importRuns();
      out.printf(Locale.ROOT, "%nImport runs (%d in all, newest first):%n", all.size());
      out.printf(Locale.ROOT, "  %5s  %-20s  %-11s  %9s  %9s  %9s  %9s  %9s%n", "run", "started", "status", "read", "new", "updated", "unchanged", "failed");
      for (ImportRun r : all.stream().limit(Math.max(0, runs)).toList()) {
        out.printf(Locale.ROOT, "  %5d  %-20s  %-11s  %,9d  %,9d  %,9d  %,9d  %,9d%n", r.id(),
            r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.status(), r.counts().read(),
            r.counts().created(), r.counts().updated(), r.counts().unchanged(), r.counts().failed());
        // What ran it: the command line, or the API token of a write over HTTP (issue #13).
        out.println("         " + (r.command().length() > COMMAND_SHOWN ? r.command().substring(0, COMMAND_SHOWN) + "..."
            : r.command()));
        // Why a run failed or was interrupted; who runs a run that is still running.
        r.reason().ifPresent(why -> out.println("         " + why));
        if (r.status() == ImportRun.Status.RUNNING) {
          r.owner().ifPresent(o -> out.printf(Locale.ROOT, "         running in pid %d on %s, last heartbeat %s%n",
              o.pid(), o.host(), o.heartbeatAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        }
      }
      search(out, trialdex.indexing().status());
      meaning(out, trialdex);
      return TrialdexCommand.OK;
    }
  }

  private static void search(PrintWriter out, SearchIndexing.Status s) {
    out.printf(Locale.ROOT, "%nStore change log at position %,d.%n", s.storePosition());
    String who = switch (s.role()) {
      case "writer" -> "held by no server (it catches up when a command searches or a server starts)";
      case "reader" -> "kept by another trialdex process (a server?), read here";
      default -> "not readable yet";
    };
    if (s.indexPosition() < 0) {
      out.printf(Locale.ROOT, "Search index: %s; its position is unknown (it is rebuilt from the store when a trialdex"
          + " process that holds it starts).%n", who);
    } else {
      out.printf(Locale.ROOT, "Search index: %s; at position %,d, %,d change%s behind.%n", who, s.indexPosition(),
          s.lag(), s.lag() == 1 ? "" : "s");
    }
    s.lastError().ifPresent(e -> out.println("  last error: " + e));
  }

  /** The vocabulary search understands with, sites on the map, and what was derived for records lacking it. */
  private static void meaning(PrintWriter out, Trialdex trialdex) {
    Vocabulary vocabulary = trialdex.vocabulary();
    out.printf(Locale.ROOT, "%nSearch vocabulary: %s.%n", vocabulary.description());
    if (vocabulary.counts().getOrDefault(Concept.Source.MESH, 0) == 0) {
      out.println("  No terminology folder: conditions are understood by the curated list only (give --terms DIR).");
    }
    Coverage coverage = new Coverage(new Derivation(vocabulary));
    try (Stream<StoredStudy> all = trialdex.records().all()) {
      all.forEach(s -> coverage.add(s.study()));
    }
    long with = coverage.recordsWithCitySites();
    out.printf(Locale.ROOT, "Sites on the map: %,d of the %,d records with a site naming city and country (%.1f%%).%n",
        coverage.recordsOnMap(), with, with == 0 ? 100.0 : 100.0 * coverage.recordsOnMap() / with);
    Map<Precision, Long> sites = coverage.sitesByPrecision();
    out.printf(Locale.ROOT, "  sites placed by the record's own point %,d, at their city's centre %,d; only their region"
        + " known %,d, only their country %,d, nothing %,d (no point for these)%n",
        sites.getOrDefault(Precision.SOURCE, 0L), sites.getOrDefault(Precision.CITY, 0L),
        sites.getOrDefault(Precision.REGION, 0L), sites.getOrDefault(Precision.COUNTRY, 0L), coverage.sitesUnknown());
    out.println("Derived for records that came without them:");
    for (String path : List.of(Derivation.STD_AGES, Derivation.HAS_RESULTS, Derivation.CONDITION_BROWSE,
        Derivation.INTERVENTION_BROWSE, Derivation.SITE_POINTS, Derivation.LEAD_SPONSOR_CLASS, Derivation.COLLABORATOR_CLASS,
        Derivation.ORGANIZATION, Derivation.ORGANIZATION + ".class")) {
      out.printf(Locale.ROOT, "  %-60s %,9d records%n", path, coverage.derived().getOrDefault(path, 0L));
    }
  }

  private static void section(PrintWriter out, String title, Map<String, Long> counts) {
    out.printf(Locale.ROOT, "%n%s:%n", title);
    if (counts.isEmpty()) {
      out.println("  (none)");
    }
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.printf(Locale.ROOT, "  %-28s %,9d%n", e.getKey(), e.getValue()));
  }
}
