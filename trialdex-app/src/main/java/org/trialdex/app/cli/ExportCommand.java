package org.trialdex.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.fhir.ResearchStudies;
import org.trialdex.core.derive.Derivation;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.json.ValidText;
import org.trialdex.store.StoredStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialdex export}: every current record as v2 JSON, one per line, streamed, always UTF-8;
 * with {@code --format fhir}, each as a FHIR R4 ResearchStudy, one per line (NDJSON, as FHIR Bulk
 * Data exports resources; docs/fhir.md).
 *
 * <p>With {@code --out} the records go to a temporary file in the same folder, which is moved into
 * place only when complete: a failed export leaves no partial file, and an existing file as it was
 * (issue #12). A record stored before imports refused text that is not Unicode (a lone surrogate)
 * is written with U+FFFD in its place and a warning naming the record, never a crash.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Writes every current record as ClinicalTrials.gov API v2 JSON, or as a FHIR R4 ResearchStudy,"
        + " one per line (NDJSON), in NCT id order.")
final class ExportCommand implements Callable<Integer> {

  /** ndjson: v2 study JSON; fhir: FHIR R4 ResearchStudy JSON; both one record a line. */
  enum Format { ndjson, fhir }

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "ndjson",
      description = "ndjson (ClinicalTrials.gov v2 JSON) or fhir (FHIR R4 ResearchStudy, the same as"
          + " /api/v2/studies/{nctId}?format=fhir.json); one record a line either way. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE instead of standard output; FILE is replaced only when the export is complete.")
  Path outFile;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (Trialdex trialdex = storeOptions.open()) {
      if (outFile == null) {
        Writer writer = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
        try {
          writeAll(trialdex, format, writer, err);
          writer.flush();
        } catch (IOException | UncheckedIOException e) {
          throw new TrialdexCommand.CommandFailure("cannot write standard output: " + messageOf(e));
        }
        return TrialdexCommand.OK;
      }
      long count = writeFile(trialdex, err);
      err.printf(Locale.ROOT, "exported %,d records to %s%n", count, outFile);
      return TrialdexCommand.OK;
    }
  }

  /** Writes to a temporary file beside {@code --out}, then moves it into place. */
  private long writeFile(Trialdex trialdex, PrintWriter err) {
    Path target = outFile.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
      long count;
      // Strict UTF-8: text that still cannot be encoded fails the export rather than turning into '?'.
      var encoder = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      try (Writer writer = new BufferedWriter(
          new java.io.OutputStreamWriter(Files.newOutputStream(temp), encoder), 1 << 16)) {
        count = writeAll(trialdex, format, writer, err);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      return count;
    } catch (IOException | UncheckedIOException e) {
      throw new TrialdexCommand.CommandFailure("cannot write " + outFile + ": " + messageOf(e) + "; "
          + (Files.exists(target) ? "the existing file was left as it was" : "no file was written"));
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the failure above is what the user needs to hear about
        }
      }
    }
  }

  private static long writeAll(Trialdex trialdex, Format format, Writer writer, PrintWriter err) throws IOException {
    StudyJson json = StudyJson.standard();
    Derivation derivation = new Derivation(trialdex.vocabulary());
    long[] count = {0};
    try (Stream<StoredStudy> all = trialdex.records().all()) {
      all.forEach(s -> {
        String line = switch (format) {
          case ndjson -> json.write(s.study());
          case fhir -> {
            // The record as the API's format=fhir.json maps it: the study's tree with the fields
            // ClinicalTrials.gov derives filled in where the sources lacked them (MeSH codings).
            ObjectNode tree = (ObjectNode) json.tree(s.study());
            derivation.apply(tree);
            yield ResearchStudies.json(s.nctId(), tree);
          }
        };
        int bad = ValidText.firstLoneSurrogate(line);
        if (bad >= 0) {
          err.printf(Locale.ROOT, "trialdex: warning: %s holds text that is not Unicode (a lone surrogate, stored before"
              + " imports refused it); exported with U+FFFD in its place; import a corrected source to fix it%n", s.nctId());
          line = ValidText.replaceLoneSurrogates(line);
        }
        try {
          writer.write(line);
          writer.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        count[0]++;
      });
    }
    return count[0];
  }

  private static String messageOf(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    String m = cause.getMessage();
    if (cause instanceof java.nio.file.NoSuchFileException || cause instanceof java.nio.file.AccessDeniedException) {
      return cause.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
          + " (" + m + ")";
    }
    return m == null ? cause.toString() : m;
  }
}
