package org.trialdex.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.trialdex.app.cli.TrialdexCommand;

/** Runs the command line in-process, as a user would type it, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

  static Cli run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TrialdexCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Cli run(String... args) {
    return run(List.of(args));
  }

  /** The arguments with a store option in front of the command's own. */
  static List<String> with(List<String> store, String command, String... rest) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.addAll(store);
    all.addAll(List.of(rest));
    return all;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
  }
}
