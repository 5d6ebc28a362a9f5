package org.trialdex.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.MatchResponses;
import org.trialdex.app.service.Matches;
import org.trialdex.app.service.PatientInput;
import org.trialdex.core.eligibility.CriterionVerdict;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.eligibility.PatientFormatException;
import org.trialdex.core.eligibility.TrialMatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialdex match PATIENT_FILE | --note TEXT | --fhir BUNDLE}: the trials a patient could join,
 * best first, each criterion marked met, not met or unknown with the reason.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
    description = {"Ranks the trials a patient could join and explains every criterion.",
        "The patient is trialdex's patient JSON (a file), a FHIR R4 Bundle (--fhir FILE) or a clinical note (--note TEXT or --note @FILE)."})
final class MatchCommand implements Callable<Integer> {

  enum Format { text, json }

  @Mixin StoreOptions storeOptions;
  @Spec CommandSpec spec;

  static final class Source {
    @Parameters(paramLabel = "PATIENT_FILE", description = "A patient in trialdex's JSON form.") Path file;
    @Option(names = "--note", paramLabel = "TEXT", description = "A clinical note (picocli reads @FILE as the file's text).") String note;
    @Option(names = "--fhir", paramLabel = "BUNDLE", description = "A FHIR R4 Bundle (JSON) file.") Path fhir;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Source source;

  @Option(names = "--top", defaultValue = "10", description = "How many trials to show (every candidate when large). Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(names = "--open-only", description = "Only trials still open to patients (recruiting, not yet recruiting, by invitation).")
  boolean openOnly;

  @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    if (top < 1 || top > 1000) {
      throw new TrialdexCommand.UsageError("--top takes 1 to 1000, got " + top);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Trialdex trialdex = storeOptions.open()) {
      Patient patient;
      try {
        patient = source.note != null ? PatientInput.read(PatientInput.Form.NOTE, source.note, trialdex.matches(), trialdex.clock())
            : source.fhir != null ? PatientInput.read(PatientInput.Form.FHIR, text(source.fhir), trialdex.matches(), trialdex.clock())
            : PatientInput.read(PatientInput.Form.JSON, text(source.file), trialdex.matches(), trialdex.clock());
      } catch (PatientFormatException e) {
        throw new TrialdexCommand.UsageError(e.getMessage());
      }
      Matches.Result result;
      try {
        result = trialdex.matches().match(patient, new Matches.Options(top, openOnly));
      } catch (SearchUnavailableException e) {
        throw new TrialdexCommand.CommandFailure(e.getMessage());
      }
      if (format == Format.json) {
        out.println(MatchResponses.json(result).toPrettyString());
      } else {
        print(out, result);
      }
      return TrialdexCommand.OK;
    }
  }

  private static String text(Path path) {
    try {
      return Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new TrialdexCommand.UsageError("no such file: " + path);
    } catch (IOException e) {
      throw new TrialdexCommand.UsageError("cannot read " + path + ": " + e.getMessage());
    }
  }

  private static void print(PrintWriter out, Matches.Result result) {
    Patient p = result.patient();
    out.printf(Locale.ROOT, "Patient: %s%s; %d conditions, %d results, %d therapies%n",
        p.ageYears().map(a -> String.format(Locale.ROOT, "%.0f years", a.value())).orElse("age unknown"),
        p.sex() == null ? "" : ", " + p.sex().value().name().toLowerCase(Locale.ROOT), p.conditions().size(), p.observations().size(),
        p.therapies().size());
    out.printf(Locale.ROOT, "%d trials judged in %d ms%n", result.candidates(), result.took().toMillis());
    result.question().ifPresent(q -> out.printf(Locale.ROOT, "Most useful question: %s (settles a criterion in %d of the top trials)%n", q.text(), q.trials()));
    int i = 0;
    for (Matches.Ranked r : result.matches()) {
      i++;
      TrialMatch m = r.match();
      out.printf(Locale.ROOT, "%n%2d. %s  %s  score %.3f  %s%n", i, m.nctId(), label(m.verdict()), r.rank(),
          r.study().protocolSection().identificationModule().briefTitle());
      for (CriterionVerdict d : m.deciding()) {
        out.printf(Locale.ROOT, "    not met: %s%n      because %s%n", shorten(d.criterion().criterion().text()), d.explanation());
      }
      m.unknowns().stream().limit(3).forEach(u -> out.printf(Locale.ROOT, "    unknown: %s%n", shorten(u.criterion().criterion().text())));
      long met = m.criteria().stream().filter(CriterionVerdict::admits).count();
      out.printf(Locale.ROOT, "    %d criteria met, %d unknown, %d not met%n", met, m.unknowns().size(), m.deciding().size());
    }
  }

  private static String label(TrialMatch.TrialVerdict v) {
    return switch (v) {
      case ELIGIBLE -> "ELIGIBLE";
      case POSSIBLY_ELIGIBLE -> "POSSIBLY ELIGIBLE";
      case INELIGIBLE -> "INELIGIBLE";
    };
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 110 ? one : one.substring(0, 107) + "...";
  }
}
