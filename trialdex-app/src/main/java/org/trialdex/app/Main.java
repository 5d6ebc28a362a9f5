package org.trialdex.app;

import org.trialdex.app.cli.TrialdexCommand;

/** The {@code trialdex} command: see {@link TrialdexCommand} for the commands and exit codes. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(TrialdexCommand.run(args, System.out, System.err));
  }
}
