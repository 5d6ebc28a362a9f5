package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import org.trialdex.core.diff.ModuleDiff;
import org.trialdex.core.model.Study;
import org.trialdex.store.Link;
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
      id = trialdex.store().resolve(id).orElse(id);
      List<VersionInfo> versions = trialdex.store().versions(id);
      if (versions.isEmpty()) {
        throw new TrialdexCommand.CommandFailure(id + " is not in this store");
      }
      out.printf(Locale.ROOT, "%s: %d version%s%n", id, versions.size(), versions.size() == 1 ? "" : "s");
      // Each version is compared with the previous version of the same source: a registry page and
      // the registry record are two views of the trial, not one changing into the other.
      Map<String, VersionInfo> previousInfo = new HashMap<>();
      Map<String, Study> previous = new HashMap<>();
      for (VersionInfo v : versions) {
        Study study = trialdex.store().version(id, v.version()).map(StoredStudy::study).orElseThrow();
        Study before = previous.get(v.sourceKey());
        String changes = before == null ? "first version from this source"
            : "changed since version " + previousInfo.get(v.sourceKey()).version() + ": "
                + String.join(", ", shortNames(ModuleDiff.changedModules(before, study)));
        out.printf(Locale.ROOT, "%nversion %d  recorded %s  import run %d%n", v.version(), v.recordedAt(), v.importRunId());
        out.printf(Locale.ROOT, "  source   %s: %s%n", v.sourceKey(), v.provenance());
        out.printf(Locale.ROOT, "  %s%n", changes);
        previous.put(v.sourceKey(), study);
        previousInfo.put(v.sourceKey(), v);
      }
      for (Link link : trialdex.store().links(id)) {
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
