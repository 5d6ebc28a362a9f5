package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordQuality;
import org.trialdex.app.service.RecordReports;
import org.trialdex.core.merge.Claim;
import org.trialdex.core.merge.Conflict;
import org.trialdex.core.validate.Finding;
import org.trialdex.core.validate.ValidationReport;
import org.trialdex.store.MergeView;
import org.trialdex.store.VersionInfo;

/**
 * {@code show --conflicts}: where a record's sources disagree, and what is wrong within the record
 * itself, as text for people or as JSON for programs.
 */
final class QualityReport {

  private QualityReport() {}

  static void print(PrintWriter out, Trialdex trialdex, String requestedId, boolean asJson) {
    RecordQuality quality = trialdex.reports().quality(requestedId)
        .orElseThrow(() -> new TrialdexCommand.CommandFailure(requestedId + " is not in this store"));
    if (asJson) {
      out.println(RecordReports.quality(quality).toPrettyString());
      return;
    }
    String id = quality.id();
    MergeView merge = quality.merge();
    ValidationReport findings = quality.findings();
    out.printf(Locale.ROOT, "%s: %d source%s, %d conflict%s, %d data-quality finding%s%n", id,
        merge.sources().size(), plural(merge.sources().size()), merge.conflicts().size(), plural(merge.conflicts().size()),
        findings.findings().size(), plural(findings.findings().size()));
    out.println();
    out.println("Sources (most authoritative first):");
    for (VersionInfo v : merge.sources()) {
      out.printf(Locale.ROOT, "  %-34s version %d, %s%n", v.sourceKey(), v.version(), v.provenance());
    }
    out.println();
    out.println("Conflicts:");
    if (merge.conflicts().isEmpty()) {
      out.println("  (none)");
    }
    for (Conflict c : merge.conflicts()) {
      out.printf(Locale.ROOT, "  %s: %s%n", c.path(), c.message());
      out.printf(Locale.ROOT, "    kept   %s (%s, version %d)%n", c.chosen().value(), c.chosen().sourceKey(), c.chosen().version());
      for (Claim other : c.others()) {
        out.printf(Locale.ROOT, "    other  %s (%s, version %d)%n", other.value(), other.sourceKey(), other.version());
      }
    }
    out.println();
    out.println("Data-quality findings:");
    if (findings.isClean()) {
      out.println("  (none)");
    }
    for (Finding f : findings.findings()) {
      out.printf(Locale.ROOT, "  %s %s at %s: %s%n", f.severity().name().toLowerCase(Locale.ROOT), f.rule(),
          f.path().isEmpty() ? "(record)" : f.path(), f.message());
    }
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
