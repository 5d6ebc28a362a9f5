package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordHistory;
import org.trialdex.store.Link;
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
      RecordHistory history = trialdex.history().of(id)
          .orElseThrow(() -> new TrialdexCommand.CommandFailure(id + " is not in this store"));
      out.printf(Locale.ROOT, "%s: %d version%s%n", history.id(), history.versions().size(),
          history.versions().size() == 1 ? "" : "s");
      for (RecordHistory.Version version : history.versions()) {
        VersionInfo v = version.info();
        String changes = version.firstFromSource() ? "first version from this source"
            : "changed since version " + version.previousFromSource().getAsInt() + ": "
                + String.join(", ", shortNames(version.changedModules()));
        out.printf(Locale.ROOT, "%nversion %d  recorded %s  import run %d%n", v.version(), v.recordedAt(), v.importRunId());
        out.printf(Locale.ROOT, "  source   %s: %s%n", v.sourceKey(), v.provenance());
        out.printf(Locale.ROOT, "  %s%n", changes);
      }
      for (Link link : history.links()) {
        out.printf(Locale.ROOT, "%nlinked %s  %s: %s%n", link.linkedAt(), link.alias(), link.reason());
      }
      return TrialdexCommand.OK;
    }
  }

  /** protocolSection.statusModule → statusModule: module names are unique across sections but hasResults and friends stay whole. */
  private static List<String> shortNames(List<String> modules) {
    return modules.stream().map(m -> m.contains(".") ? m.substring(m.indexOf('.') + 1) : m).toList();
  }
}
