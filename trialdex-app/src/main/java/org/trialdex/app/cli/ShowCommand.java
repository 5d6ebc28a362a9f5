package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.trialdex.app.Trialdex;
import org.trialdex.core.json.StudyJson;
import org.trialdex.store.StoredStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.trialdex.core.source.RecordIds;

/** {@code trialdex show NCTID}: one record, current or any version, as text or v2 JSON. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Shows a trial record: the current version, or --version N.")
final class ShowCommand implements Callable<Integer> {

  static final Pattern NCT_ID = RecordIds.NCT_ID;

  enum Format { text, json }

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NCTID", description = "The trial's NCT id, e.g. NCT02513394.")
  String nctId;

  @Option(names = "--version", paramLabel = "N", description = "Show version N (1 is the first) instead of the current one.")
  Integer version;

  @Option(names = "--format", defaultValue = "text", description = "text or json (the v2 JSON of that version). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--conflicts", description = {"List where the record's sources disagree (conflicts) and its"
      + " data-quality findings, instead of the record.",
      "With --format json: an object with the record's sources, conflicts, field origins and findings."})
  boolean conflicts;

  @Override
  public Integer call() {
    String id = checkedId(nctId);
    if (version != null && version < 1) {
      throw new TrialdexCommand.UsageError("--version takes a number from 1, got " + version);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (conflicts && version != null) {
      throw new TrialdexCommand.UsageError("--conflicts describes the current record; leave out --version");
    }
    try (Trialdex trialdex = storeOptions.open()) {
      if (conflicts) {
        QualityReport.print(out, trialdex, id, format == Format.json);
        return TrialdexCommand.OK;
      }
      StoredStudy stored = (version == null ? trialdex.records().current(id) : trialdex.records().version(id, version))
          .orElseThrow(() -> notFound(trialdex, id, version));
      if (format == Format.json) {
        out.println(StudyJson.standard().writePretty(stored.study()));
      } else {
        StudyText.print(out, stored, trialdex.reports().findings(stored.study()));
      }
      return TrialdexCommand.OK;
    }
  }

  /** Ids of records without an NCT id: other registries' ids and content ids (TDX-...). */
  static final Pattern OTHER_ID = RecordIds.OTHER_ID;

  /** An NCT id (any case) or the id of a record stored without one. */
  static String checkedId(String text) {
    String id = text.strip();
    if (id.toUpperCase(Locale.ROOT).startsWith("NCT")) {
      id = id.toUpperCase(Locale.ROOT);
      if (!NCT_ID.matcher(id).matches()) {
        throw new TrialdexCommand.UsageError("'" + text + "' is not an NCT id: expected NCT followed by 8 digits, e.g. NCT02513394");
      }
      return id;
    }
    if (!OTHER_ID.matcher(id).matches()) {
      throw new TrialdexCommand.UsageError("'" + text + "' is not an NCT id (NCT followed by 8 digits, e.g. NCT02513394)"
          + " nor the id of a record without one (another registry's id or a TDX- content id)");
    }
    return id;
  }

  private static RuntimeException notFound(Trialdex trialdex, String id, Integer version) {
    if (version == null) {
      return new TrialdexCommand.CommandFailure(id + " is not in this store");
    }
    int count = trialdex.records().versions(id).size();
    return new TrialdexCommand.CommandFailure(count == 0 ? id + " is not in this store"
        : id + " has " + count + " version" + (count == 1 ? "" : "s") + "; there is no version " + version);
  }
}
