package org.trialdex.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.service.BackupException;
import org.trialdex.search.SearchException;
import org.trialdex.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trialdex} command line. Exit codes: 0 success; 1 the command failed (the store or the
 * search index could not be opened or written, e.g. a full disk; a record was not found); 2 a usage
 * error; 3 an import in which some records failed (the others were imported).
 */
@Command(name = "trialdex",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A clinical-trials registry: import, keep every version, show and export trial records.",
    subcommands = {ImportCommand.class, ShowCommand.class, HistoryCommand.class, SearchCommand.class,
        RelatedCommand.class, LinkCommand.class, TokenCommand.class, ExportCommand.class, StatsCommand.class,
        ReindexCommand.class, ServeCommand.class, SyncCommand.class, MatchCommand.class, CellTherapyCommand.class,
        BackupCommand.class, RestoreCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the command failed", "2:usage error", "3:import finished, some records failed"})
public final class TrialdexCommand {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int SOME_FAILED = 3;

  /** Runs the command line and returns its exit code; output goes to {@code out} and {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cmd = new CommandLine(new TrialdexCommand());
    PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    cmd.setOut(outWriter);
    cmd.setErr(errWriter);
    cmd.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("trialdex: " + ex.getMessage());
      c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
      return USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UsageError) {
        c.getErr().println("trialdex: " + ex.getMessage());
        return USAGE;
      }
      if (ex instanceof SearchException e && !e.isIndexFailure()) {
        c.getErr().println("trialdex: " + ex.getMessage());
        return USAGE;
      }
      // The store or the index failed (a full disk, a folder that cannot be written): one line
      // that says what and where, no stack trace.
      if (ex instanceof StoreException || ex instanceof BackupException || ex instanceof SearchException
          || ex instanceof SearchUnavailableException || ex instanceof CommandFailure
          || ex instanceof IllegalArgumentException) {
        c.getErr().println("trialdex: " + ex.getMessage());
        return FAILED;
      }
      c.getErr().println("trialdex: unexpected error: " + ex);
      ex.printStackTrace(c.getErr());
      return FAILED;
    });
    if (args.length == 0) {
      cmd.usage(outWriter);
      return USAGE;
    }
    int code = cmd.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /** The user asked for something that cannot be: exit code 2. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message);
    }
  }

  /** The command could not do what was asked (a record not found): exit code 1. */
  static final class CommandFailure extends RuntimeException {
    CommandFailure(String message) {
      super(message);
    }
  }
}
