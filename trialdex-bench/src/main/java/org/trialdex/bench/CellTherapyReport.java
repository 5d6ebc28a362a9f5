package org.trialdex.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Dose;
import org.trialdex.core.model.Study;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.SharedSets;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.classic.ClassicFieldsReader;

/**
 * Coverage and speed of the cell-therapy profile over the 1,480-trial MSC set: how many trials get
 * each fact, how often each value occurs, and how long reading a profile takes (warm, one thread).
 * Accuracy against the hand labels is {@code ProfileAccuracyTest} in trialdex-ingest.
 *
 * <pre>
 * java -cp "trialdex-bench/target/trialdex-bench.jar:trialdex-bench/target/lib/*" \
 *     org.trialdex.bench.CellTherapyReport --shared ../shared [--rounds 5]
 * </pre>
 */
public final class CellTherapyReport {

  private CellTherapyReport() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opts = BenchArgs.parse("CellTherapyReport [--shared DIR] [--rounds N]", args);
    Path data = Path.of(opts.getOrDefault("--shared", "../shared")).resolve("data");
    int rounds = Integer.parseInt(opts.getOrDefault("--rounds", "5"));
    List<Study> studies = new ArrayList<>();
    Path file = data.resolve(SharedSets.CLASSIC_MSC);
    try (InputStream in = Files.newInputStream(file);
        var results = new ClassicFieldsReader().read(new SourceEntry(file.getFileName().toString(), Files.size(file), in),
            ReadOptions.defaults())) {
      results.forEach(r -> {
        if (r instanceof ReadResult.Read read) {
          studies.add(read.study());
        }
      });
    }
    List<CellTherapyProfile> profiles = new ArrayList<>();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      List<CellTherapyProfile> out = new ArrayList<>(studies.size());
      long start = System.nanoTime();
      for (Study s : studies) {
        out.add(CellTherapy.profile(s));
      }
      best = Math.min(best, System.nanoTime() - start);
      profiles = out;
    }
    int n = profiles.size();
    System.out.printf(Locale.ROOT, "%d trials; profile read in %.2f ms per trial (best of %d rounds, one thread)%n%n",
        n, best / 1e6 / n, rounds);
    System.out.println("| fact | trials with it | share |");
    System.out.println("| --- | ---: | ---: |");
    row("cell product (any type)", profiles, CellTherapyProfile::hasProduct, n);
    row("tissue source", profiles, p -> !p.sources().isEmpty(), n);
    row("clonal stated", profiles, p -> p.clonal() != null, n);
    row("donor (autologous/allogeneic)", profiles, p -> p.donorValues().stream().anyMatch(d -> d.isKind()), n);
    row("dose (any)", profiles, p -> !p.doses().isEmpty(), n);
    row("dose in cells per kg", profiles, p -> !p.cellsPerKg().isEmpty(), n);
    row("dose as total cells", profiles, p -> p.doses().stream().anyMatch(
        d -> d.basis() == Dose.Basis.TOTAL && d.unit().equals(Dose.CELLS)), n);
    row("schedule", profiles, p -> !p.schedule().isUnknown(), n);
    row("number of administrations", profiles, p -> p.schedule().administrations() != null, n);
    row("route", profiles, p -> !p.routes().isEmpty(), n);
    row("named product", profiles, p -> !p.products().isEmpty(), n);
    row("manufacturing note", profiles, p -> !p.manufacturing().isEmpty(), n);
    System.out.println();
    values("cell type", profiles, p -> p.cellTypeValues().stream().map(Coded::code).toList());
    values("tissue source", profiles, p -> p.sourceValues().stream().map(Coded::code).toList());
    values("donor", profiles, p -> p.donorValues().stream().map(Coded::code).toList());
    values("route", profiles, p -> p.routeValues().stream().map(Coded::code).toList());
  }

  private static void row(String name, List<CellTherapyProfile> profiles, Predicate<CellTherapyProfile> has, int n) {
    long k = profiles.stream().filter(has).count();
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f%% |%n", name, k, 100.0 * k / n);
  }

  private static void values(String name, List<CellTherapyProfile> profiles,
      java.util.function.Function<CellTherapyProfile, List<String>> of) {
    Map<String, Integer> counts = new TreeMap<>();
    profiles.forEach(p -> of.apply(p).forEach(v -> counts.merge(v, 1, Integer::sum)));
    StringBuilder b = new StringBuilder(name + ": ");
    counts.entrySet().stream().sorted((a, c) -> c.getValue() - a.getValue())
        .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
    System.out.println(b.substring(0, b.length() - 2));
  }
}
