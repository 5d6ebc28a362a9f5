package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import org.trialdex.core.diff.ModuleDiff;
import org.trialdex.core.model.Study;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.VersionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialdex history NCTID}: every version with its date, provenance and the modules it changed. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the versions of a trial record: when, from which source, and which modules changed.")
final class HistoryCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NCTID", description = "The trial's NCT id.")
  String nctId;

  @Override
  public Integer call() {
    String id = ShowCommand.checkedId(nctId);
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      List<VersionInfo> versions = trialdex.store().versions(id);
      if (versions.isEmpty()) {
        throw new TrialdexCommand.CommandFailure(id + " is not in this store");
      }
      out.printf(Locale.ROOT, "%s: %d version%s%n", id, versions.size(), versions.size() == 1 ? "" : "s");
      Study previous = null;
      for (VersionInfo v : versions) {
        Study study = trialdex.store().version(id, v.version()).map(StoredStudy::study).orElseThrow();
        String changes = previous == null ? "first version" : "changed: " + String.join(", ", shortNames(ModuleDiff.changedModules(previous, study)));
        out.printf(Locale.ROOT, "%nversion %d  recorded %s  import run %d%n", v.version(), v.recordedAt(), v.importRunId());
        out.printf(Locale.ROOT, "  source   %s%n", v.provenance());
        out.printf(Locale.ROOT, "  %s%n", changes);
        previous = study;
      }
      return TrialdexCommand.OK;
    }
  }

  /** protocolSection.statusModule → statusModule: module names are unique across sections but hasResults and friends stay whole. */
  private static List<String> shortNames(List<String> modules) {
    return modules.stream().map(m -> m.contains(".") ? m.substring(m.indexOf('.') + 1) : m).toList();
  }
}
