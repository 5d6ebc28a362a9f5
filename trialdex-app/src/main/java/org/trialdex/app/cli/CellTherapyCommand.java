package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Dose;
import org.trialdex.core.celltherapy.DoseText;
import org.trialdex.core.celltherapy.Evidence;
import org.trialdex.core.celltherapy.Fact;
import org.trialdex.core.celltherapy.ProfileJson;
import org.trialdex.store.StoredStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialdex cell-therapy NCTID}: the trial's cell-therapy profile (cell type, tissue source,
 * donor, dose, schedule, route, products, manufacturing), each fact with the record text it was
 * read from. What the record does not say is printed as not stated.
 */
@Command(name = "cell-therapy", mixinStandardHelpOptions = true,
    description = {"Shows a trial's cell-therapy profile: which cells, from where, whose, how many, how often and by"
        + " which route, each fact with the text of the record it was read from.",
        "With --format json: cellType, source, clonal, donor, dose (perKg / total as numbers of cells),"
            + " schedule, route, products and manufacturing, each with its evidence (field, start, end, text)."})
final class CellTherapyCommand implements Callable<Integer> {

  enum Format { text, json }

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NCTID", description = "The trial's NCT id, e.g. NCT01763086.")
  String nctId;

  @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    String id = ShowCommand.checkedId(nctId);
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      StoredStudy stored = trialdex.records().current(id)
          .orElseThrow(() -> new TrialdexCommand.CommandFailure(id + " is not in this store"));
      CellTherapyProfile profile = CellTherapy.profile(stored.study());
      if (format == Format.json) {
        out.println(ProfileJson.of(id, profile).toPrettyString());
      } else {
        print(out, id, profile);
      }
      return TrialdexCommand.OK;
    }
  }

  static void print(PrintWriter out, String id, CellTherapyProfile p) {
    if (!p.hasProduct()) {
      out.println(id + ": the record gives no cell product.");
      return;
    }
    out.println(id + ": cell-therapy profile (read from the record's text; unknown where it does not say)");
    coded(out, "Cell type", p.cellTypes());
    coded(out, "Tissue source", p.sources());
    if (p.clonal() != null) {
      fact(out, "Clonal", p.clonal().value() ? "yes" : "no", p.clonal().evidence());
    }
    coded(out, "Donor", p.donors());
    if (p.doses().isEmpty()) {
      out.println("  Dose: not stated");
    }
    for (Dose d : p.doses()) {
      fact(out, "Dose", DoseText.of(d) + (d.arm() == null ? "" : " (arm '" + d.arm() + "')"), List.of(d.evidence()));
    }
    if (p.schedule().isUnknown()) {
      out.println("  Schedule: not stated");
    } else {
      if (p.schedule().administrations() != null) {
        out.println("  Administrations: " + p.schedule().administrations());
      }
      p.schedule().phrases().forEach(f -> fact(out, "Schedule", f.value(), f.evidence()));
    }
    coded(out, "Route", p.routes());
    plain(out, "Product", p.products());
    plain(out, "Manufacturing", p.manufacturing());
  }

  private static <T extends Coded> void coded(PrintWriter out, String name, List<Fact<T>> facts) {
    if (facts.isEmpty()) {
      out.println("  " + name + ": not stated");
    }
    facts.forEach(f -> fact(out, name, f.value().label(), f.evidence()));
  }

  private static void plain(PrintWriter out, String name, List<Fact<String>> facts) {
    facts.forEach(f -> fact(out, name, f.value(), f.evidence()));
  }

  private static void fact(PrintWriter out, String name, String value, List<Evidence> evidence) {
    out.println("  " + name + ": " + value);
    for (Evidence e : evidence) {
      out.println("      \"" + e.text() + "\"  (" + e.field() + " " + e.start() + "-" + e.end() + ")");
    }
  }
}
