package org.trialdex.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trialdex.ingest.ReadProblem;

/**
 * {@code import --failures FILE}: every failure of the import, one a line as the terminal shows them
 * ({@code file, record: reason}), written as they happen so that a million failures cost no memory.
 * Without a file it writes nothing.
 */
final class FailureFile implements AutoCloseable {

  private final Path path;
  private final BufferedWriter writer;
  private long lines;
  private String error;

  private FailureFile(Path path, BufferedWriter writer) {
    this.path = path;
    this.writer = writer;
  }

  /**
   * A file for the failures, created (or emptied) now so that a path that cannot be written fails
   * before the import starts; with {@code path} null, nothing is written.
   *
   * @throws TrialdexCommand.CommandFailure when the file cannot be created
   */
  static FailureFile open(Path path) {
    if (path == null) {
      return new FailureFile(null, null);
    }
    try {
      return new FailureFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TrialdexCommand.CommandFailure("cannot write the failures to " + path + " (--failures): "
          + ReadProblem.reasonOf(e));
    }
  }

  /** Adds one failure; after a write error the rest are only counted, and {@link #finish} says so. */
  synchronized void write(ReadProblem problem) {
    if (writer == null || error != null) {
      return;
    }
    try {
      writer.write(problem.toString().replace('\n', ' ').replace('\r', ' '));
      writer.newLine();
      lines++;
    } catch (IOException e) {
      error = ReadProblem.reasonOf(e);
    }
  }

  /** Flushes the file and says on {@code err} where the failures are, or why not all of them are. */
  synchronized void finish(PrintWriter err) {
    if (writer == null) {
      return;
    }
    try {
      writer.flush();
    } catch (IOException e) {
      error = error == null ? ReadProblem.reasonOf(e) : error;
    }
    if (error != null) {
      err.println("trialdex: could not write every failure to " + path + ": " + error + " (" + lines + " written)");
    }
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        // finish reported what mattered; closing a flushed file loses nothing
      }
    }
  }
}
