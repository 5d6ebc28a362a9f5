package org.trialdex.app.cli;

/** The {@code trialdex} command: see {@link TrialdexCommand} for the commands and exit codes. */
public final class Main {

  private Main() {}

  /**
   * Lucene logs through java.util.logging that it runs without the incubating Vector API; that is
   * a choice, not a problem, so the notice is kept out of every command's output. Held here so
   * the logger (and its level) is not garbage collected.
   */
  private static final java.util.logging.Logger LUCENE_VECTORS =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
    System.exit(TrialdexCommand.run(args, System.out, System.err));
  }
}
