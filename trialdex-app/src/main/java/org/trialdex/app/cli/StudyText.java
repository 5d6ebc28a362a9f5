package org.trialdex.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.trialdex.core.model.ArmGroup;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Outcome;
import org.trialdex.core.model.PartialDateStruct;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.Sponsor;
import org.trialdex.core.model.Study;
import org.trialdex.core.validate.Finding;
import org.trialdex.core.validate.ValidationReport;
import org.trialdex.store.StoredStudy;

/** A record as text for a terminal: the sections a registry page shows, in the same order. */
final class StudyText {

  private static final int WIDTH = 100;

  private StudyText() {}

  /** Prints {@code stored} with its data-quality {@code findings} (from the wiring's one validator). */
  static void print(PrintWriter out, StoredStudy stored, ValidationReport findings) {
    Study s = stored.study();
    ProtocolSection p = s.protocolSection() == null ? ProtocolSection.empty() : s.protocolSection();
    var id = p.identificationModule();
    var status = p.statusModule();
    var design = p.designModule();
    out.println(stored.nctId() + "  " + (id == null ? "" : nz(id.briefTitle())));
    if (id != null && id.officialTitle() != null) {
      wrap(out, "", id.officialTitle());
    }
    out.printf(Locale.ROOT, "version %d, recorded %s, from %s%n", stored.version(), stored.recordedAt(), stored.provenance());
    out.println();
    if (status != null) {
      field(out, "Status", status.overallStatus() + (status.whyStopped() == null ? "" : " (" + status.whyStopped() + ")"));
      field(out, "Verified", status.statusVerifiedDate());
      field(out, "Start", date(status.startDateStruct()));
      field(out, "Primary completion", date(status.primaryCompletionDateStruct()));
      field(out, "Completion", date(status.completionDateStruct()));
      field(out, "First posted", status.studyFirstPostDateStruct() == null ? null : status.studyFirstPostDateStruct().date());
      field(out, "Last update", status.lastUpdatePostDateStruct() == null ? null : status.lastUpdatePostDateStruct().date());
    }
    if (design != null) {
      field(out, "Study type", design.studyType());
      field(out, "Phases", join(design.phases(), Objects::toString));
      if (design.enrollmentInfo() != null) {
        field(out, "Enrollment", design.enrollmentInfo().count() + (design.enrollmentInfo().type() == null ? "" : " (" + design.enrollmentInfo().type() + ")"));
      }
      if (design.designInfo() != null) {
        var d = design.designInfo();
        field(out, "Design", join(listOf(d.allocation(), d.interventionModel(), d.primaryPurpose(),
            d.maskingInfo() == null ? null : d.maskingInfo().masking(), d.observationalModel(), d.timePerspective()), Objects::toString));
      }
    }
    var sponsors = p.sponsorCollaboratorsModule();
    if (sponsors != null) {
      field(out, "Sponsor", sponsors.leadSponsor() == null ? null : sponsors.leadSponsor().name());
      field(out, "Collaborators", join(sponsors.collaborators(), Sponsor::name));
    }
    if (p.conditionsModule() != null) {
      field(out, "Conditions", join(p.conditionsModule().conditions(), Function.identity()));
      field(out, "Keywords", join(p.conditionsModule().keywords(), Function.identity()));
    }
    if (p.descriptionModule() != null && p.descriptionModule().briefSummary() != null) {
      heading(out, "Brief summary");
      wrap(out, "  ", p.descriptionModule().briefSummary());
    }
    var arms = p.armsInterventionsModule();
    if (arms != null) {
      if (arms.armGroups() != null && !arms.armGroups().isEmpty()) {
        heading(out, "Arms");
        for (ArmGroup a : arms.armGroups()) {
          wrap(out, "  - ", nz(a.label()) + (a.type() == null ? "" : " [" + a.type() + "]")
              + (a.description() == null ? "" : ": " + a.description()));
        }
      }
      if (arms.interventions() != null && !arms.interventions().isEmpty()) {
        heading(out, "Interventions");
        for (Intervention i : arms.interventions()) {
          wrap(out, "  - ", (i.type() == null ? "" : i.type() + ": ") + nz(i.name())
              + (i.description() == null ? "" : ". " + i.description()));
        }
      }
    }
    var outcomes = p.outcomesModule();
    if (outcomes != null) {
      outcomeList(out, "Primary outcomes", outcomes.primaryOutcomes());
      outcomeList(out, "Secondary outcomes", outcomes.secondaryOutcomes());
    }
    var elig = p.eligibilityModule();
    if (elig != null) {
      heading(out, "Eligibility");
      field(out, "Ages", (elig.minimumAge() == null ? "no minimum" : elig.minimumAge()) + " to "
          + (elig.maximumAge() == null ? "no maximum" : elig.maximumAge()));
      field(out, "Sex", elig.sex());
      field(out, "Healthy volunteers", elig.healthyVolunteers());
      if (elig.eligibilityCriteria() != null) {
        for (String line : elig.eligibilityCriteria().split("\n")) {
          wrap(out, "  ", line);
        }
      }
    }
    var locs = p.contactsLocationsModule();
    if (locs != null && locs.locations() != null && !locs.locations().isEmpty()) {
      heading(out, "Locations (" + locs.locations().size() + ")");
      for (Location l : locs.locations()) {
        out.println("  - " + join(listOf(l.facility(), l.city(), l.state(), l.country()), Function.identity())
            + (l.status() == null ? "" : " [" + l.status() + "]"));
      }
    }
    out.println();
    field(out, "Results", Boolean.TRUE.equals(s.hasResults()) ? "posted" : "no results posted");
    ValidationReport report = findings;
    heading(out, "Data-quality findings (" + (report.isClean() ? "none" : report.findings().size()) + ")");
    for (Finding f : report.findings()) {
      wrap(out, "  - ", f.severity().name().toLowerCase(Locale.ROOT) + " " + f.rule() + ": " + f.message()
          + (f.path().isEmpty() ? "" : " [" + f.path() + "]"));
    }
  }

  private static void outcomeList(PrintWriter out, String title, List<Outcome> list) {
    if (list == null || list.isEmpty()) {
      return;
    }
    heading(out, title);
    for (Outcome o : list) {
      wrap(out, "  - ", nz(o.measure()) + (o.timeFrame() == null ? "" : " (time frame: " + o.timeFrame() + ")"));
    }
  }

  private static String date(PartialDateStruct d) {
    if (d == null || d.date() == null) {
      return null;
    }
    return d.date() + (d.type() == null ? "" : " (" + d.type().name().toLowerCase(Locale.ROOT) + ")");
  }

  private static List<Object> listOf(Object... values) {
    List<Object> l = new ArrayList<>();
    for (Object v : values) {
      if (v != null) {
        l.add(v);
      }
    }
    return l;
  }

  private static <T> String join(List<T> values, Function<T, ?> f) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (T v : values) {
      Object o = f.apply(v);
      if (o != null) {
        parts.add(o.toString());
      }
    }
    return String.join(", ", parts);
  }

  private static void heading(PrintWriter out, String title) {
    out.println();
    out.println(title);
  }

  private static void field(PrintWriter out, String label, Object value) {
    if (value != null && !value.toString().isBlank()) {
      out.printf(Locale.ROOT, "%-20s %s%n", label, value);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void wrap(PrintWriter out, String prefix, String text) {
    String indent = " ".repeat(prefix.length());
    StringBuilder line = new StringBuilder(prefix);
    boolean empty = true;
    for (String word : text.strip().split("\\s+")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    if (!empty) {
      out.println(line);
    }
  }
}
