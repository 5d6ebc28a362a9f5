package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordReports;
import org.trialdex.search.RelatedTrial;
import org.trialdex.search.SearchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialdex related NCTID}: the most similar trials, each with what it shares. */
@Command(name = "related", mixinStandardHelpOptions = true,
    description = "Lists the trials most similar to one trial (conditions, interventions and cell type, design, text), with the features each shares.")
final class RelatedCommand implements Callable<Integer> {

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NCTID", description = "The trial.") String nctId;

  @Option(names = "--limit", defaultValue = "10", description = "How many (default: ${DEFAULT-VALUE}).") int limit;

  @Option(names = "--format", defaultValue = "table", description = "table or json.") SearchCommand.Format format;

  @Override
  public Integer call() {
    String id = ShowCommand.checkedId(nctId);
    if (limit < 1 || limit > 100) {
      throw new TrialdexCommand.UsageError("--limit takes 1 to 100, got " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      Optional<List<RelatedTrial>> found;
      try {
        found = trialdex.searches().related(id, limit);
      } catch (SearchException | SearchUnavailableException e) {
        throw new TrialdexCommand.CommandFailure(e.getMessage());
      }
      List<RelatedTrial> related = found.orElseThrow(() -> new TrialdexCommand.CommandFailure(nctId + " is not in this store"));
      if (format == SearchCommand.Format.json) {
        out.println(RecordReports.related(related).toPrettyString());
      } else {
        for (RelatedTrial r : related) {
          out.printf(Locale.ROOT, "%s  %s%n    shares: %s%n", r.id(),
              r.briefTitle().orElse("(no brief title)"), String.join("; ", r.sharedFeatures()));
        }
      }
      return TrialdexCommand.OK;
    }
  }
}
