package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.trialdex.app.Trialdex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialdex link ID NCTID}: says that a record stored without an NCT id describes an NCT record. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = {"Links a record stored under another registry id or a content id (a registry page",
        "without an NCT id) to the NCT record it describes: its versions join that record, which is",
        "merged again. trialdex links by itself when a registry record lists the other id or the titles",
        "are identical; this is for the rest."})
final class LinkCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The id the record is stored under (e.g. ChiCTR2000029606, TDX-...).")
  String alias;

  @Parameters(index = "1", paramLabel = "NCTID", description = "The NCT record it describes.")
  String nctId;

  @Option(names = "--reason", defaultValue = "linked by hand", description = "Why, kept with the link (default: ${DEFAULT-VALUE}).")
  String reason;

  @Override
  public Integer call() {
    String from = ShowCommand.checkedId(alias);
    String to = ShowCommand.checkedId(nctId);
    if (!ShowCommand.NCT_ID.matcher(to).matches()) {
      throw new TrialdexCommand.UsageError("the second id must be an NCT id, got '" + nctId + "'");
    }
    if (ShowCommand.NCT_ID.matcher(from).matches()) {
      throw new TrialdexCommand.UsageError("'" + alias + "' is an NCT id; only records stored without one can be linked");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      if (trialdex.records().resolve(from).filter(to::equals).isPresent()) {
        // Linking again what is linked already changes nothing; saying so beats failing a script.
        out.println(from + " is already linked to " + to + "; nothing to do ('trialdex history " + to
            + "' shows its versions from every source)");
        return TrialdexCommand.OK;
      }
      trialdex.records().link(from, to, reason);
      out.println("linked " + from + " to " + to + "; 'trialdex show " + to + " --conflicts' shows how the sources agree");
      // Search follows the store: here when this process may write the index, else in the server that holds it.
      try {
        trialdex.indexing().finishFollowing();
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("trialdex: the link is stored, but the search index did not catch up: "
            + e.getMessage() + "; it catches up the next time trialdex searches or serves");
      }
      return TrialdexCommand.OK;
    }
  }
}
