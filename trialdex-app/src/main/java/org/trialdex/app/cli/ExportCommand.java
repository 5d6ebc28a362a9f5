package org.trialdex.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.trialdex.app.Trialdex;
import org.trialdex.core.json.StudyJson;
import org.trialdex.store.StoredStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialdex export}: every current record as v2 JSON, one per line, streamed. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Writes every current record as ClinicalTrials.gov API v2 JSON, one per line (NDJSON), in NCT id order.")
final class ExportCommand implements Callable<Integer> {

  enum Format { ndjson }

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "ndjson", description = "ndjson (the only format for now). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path outFile;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (Trialdex trialdex = storeOptions.open();
        Writer writer = open();
        Stream<StoredStudy> all = trialdex.records().all()) {
      StudyJson json = StudyJson.standard();
      long[] count = {0};
      all.forEach(s -> {
        try {
          writer.write(json.write(s.study()));
          writer.write('\n');
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      writer.flush();
      if (outFile != null) {
        err.printf(Locale.ROOT, "exported %,d records to %s%n", count[0], outFile);
      }
      return TrialdexCommand.OK;
    } catch (UncheckedIOException e) {
      throw new TrialdexCommand.CommandFailure("cannot write " + (outFile == null ? "standard output" : outFile) + ": " + e.getCause().getMessage());
    }
  }

  private Writer open() throws IOException {
    if (outFile == null) {
      return new BufferedWriter(new NonClosingStdout(), 1 << 16);
    }
    try {
      Path parent = outFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.newBufferedWriter(outFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TrialdexCommand.CommandFailure("cannot write " + outFile + ": " + e.getMessage());
    }
  }

  /** Standard output as the command line's writer; closing the export leaves it open. */
  private final class NonClosingStdout extends java.io.FilterWriter {
    NonClosingStdout() {
      super(spec.commandLine().getOut());
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
