package org.trialdex.app.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.trialdex.app.SearchUnavailableException;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.RecordQuality;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.merge.Claim;
import org.trialdex.core.merge.Conflict;
import org.trialdex.core.model.ArmsInterventionsModule;
import org.trialdex.core.model.Contact;
import org.trialdex.core.model.ContactsLocationsModule;
import org.trialdex.core.model.DateStruct;
import org.trialdex.core.model.DesignModule;
import org.trialdex.core.model.EligibilityModule;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Official;
import org.trialdex.core.model.Outcome;
import org.trialdex.core.model.OutcomesModule;
import org.trialdex.core.model.PartialDateStruct;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.ReferencesModule;
import org.trialdex.core.model.SponsorCollaboratorsModule;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;
import org.trialdex.core.validate.Finding;
import org.trialdex.core.view.StudyModules;
import org.trialdex.search.RelatedTrial;
import org.trialdex.search.SearchException;
import org.trialdex.store.MergeView;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.VersionInfo;

/** Builds a {@link StudyPage} from the current record, its merge view and the related trials. */
final class StudyPages {

  private static final int RELATED = 5;
  private static final String ARMS = "protocolSection.armsInterventionsModule.";
  private static final String DESCRIPTION = "protocolSection.descriptionModule.";

  private StudyPages() {}

  static StudyPage build(Trialdex t, String requestedId) {
    return build(t, requestedId, Map.of(), Optional.empty());
  }

  /**
   * The page for a request: {@code near} (a place, as the search form takes it) orders the sites of
   * the "Can I take part?" box by distance; {@code pageUrl} is the address a printed copy names.
   */
  static StudyPage build(Trialdex t, String requestedId, Map<String, List<String>> params, Optional<String> pageUrl) {
    RecordQuality quality = t.reports().quality(requestedId).orElseThrow(() -> new NotFound(requestedId));
    StoredStudy stored = quality.current();
    String id = stored.nctId();
    Study s = stored.study();
    // Design, arms and eligibility sections tell an absent module from an empty one; the rest read
    // core's null-safe view.
    ProtocolSection p = s.protocolSection() == null ? ProtocolSection.empty() : s.protocolSection();
    StudyModules m = StudyModules.of(s);
    IdentificationModule idm = m.identification();
    StatusModule st = m.status();
    var desc = p.descriptionModule();
    var cond = p.conditionsModule();
    OutcomesModule out = m.outcomes();
    SponsorCollaboratorsModule sp = m.sponsors();
    ContactsLocationsModule cl = m.contacts();
    ReferencesModule refs = m.references();
    MergeView merge = quality.merge();
    List<VersionInfo> versions = t.records().versions(id);
    CellTherapyProfile profile = t.reports().cellTherapy(stored);
    LocalDate today = LocalDate.ofInstant(t.clock().instant(), ZoneOffset.UTC);
    Map<String, List<Rich.Mark>> marks = CellPanels.marks(s, profile);
    // The other sources' views of the trial (a registry page beside the registry record): the page
    // shows what they add in presentation only (a state the record leaves out, criteria nesting).
    List<Study> others = SourceViews.others(t, id, stored);
    List<StudyPage.Site> sites = map(cl.locations(), l -> site(l, others));
    Optional<StudyPage.Eligibility> eligibility = eligibility(p.eligibilityModule(), others);
    String near = params.getOrDefault("near", List.of()).stream().filter(x -> !x.isBlank()).findFirst().orElse("");
    return new StudyPage(id,
        text(idm.briefTitle()).or(() -> text(idm.officialTitle())).orElse(id),
        text(idm.officialTitle()).filter(o -> !o.equals(idm.briefTitle())),
        text(idm.acronym()),
        TakeParts.box(st, p.designModule(), p.eligibilityModule(), cl, sites, near,
            eligibility.map(e -> !e.criteria().inclusion().isEmpty() || !e.criteria().exclusion().isEmpty()
                || !e.criteria().other().isEmpty()).orElse(false), sp),
        overview(id, st),
        CellPanels.panel(s, profile),
        TrustPanels.panel(s, today, t.reports().trustSignals(stored, today)),
        desc == null ? List.of() : paragraphs(desc.briefSummary(), marks.get(DESCRIPTION + "briefSummary")),
        desc == null ? List.of() : paragraphs(desc.detailedDescription(), marks.get(DESCRIPTION + "detailedDescription")),
        cond == null ? List.of() : list(cond.conditions()),
        cond == null ? List.of() : list(cond.keywords()),
        design(p.designModule()), oversight(p.oversightModule()),
        arms(p.armsInterventionsModule(), marks),
        interventions(p.armsInterventionsModule(), marks),
        outcomes(out.primaryOutcomes()), outcomes(out.secondaryOutcomes()), outcomes(out.otherOutcomes()),
        eligibility,
        map(cl.centralContacts(), StudyPages::person),
        sites,
        text(sp.leadSponsor() == null ? null : sp.leadSponsor().name()),
        map(sp.collaborators(), c -> c.name()).stream().filter(n -> n != null && !n.isBlank()).toList(),
        responsibleParty(sp),
        map(cl.overallOfficials(), StudyPages::official),
        map(refs.references(), r -> new StudyPage.Citation(nz(r.citation()).isBlank() ? "PMID " + r.pmid() : r.citation(),
            text(r.type() == null ? null : Labels.of(r.type())),
            text(r.pmid()).map(pmid -> new Parts.Link("PubMed " + pmid, Links.pubmed(pmid))))),
        map(refs.seeAlsoLinks(), l -> new Parts.Link(nz(l.label()).isBlank() ? nz(l.url()) : l.label(), nz(l.url())))
            .stream().filter(l -> l.href().startsWith("http")).toList(),
        identifiers(idm),
        recordDates(st),
        ResultsTables.of(s), ResultsTables.documents(s, id),
        related(t, id),
        quality.findings().findings().stream().map(PlainWords::finding).flatMap(Optional::stream).distinct().toList(),
        map(merge.conflicts(), StudyPages::conflict),
        map(quality.findings().findings(), StudyPages::finding),
        merge.sources().stream().map(v -> new StudyPage.SourceItem(SourceViews.kind(v.sourceKey()),
            SourceViews.fileName(v.provenance().file()), v.version(), v.recordedAt().toString().substring(0, 10),
            v.equals(merge.sources().getFirst()))).toList(),
        versions.size(),
        versions.stream().map(VersionInfo::sourceKey).distinct().map(SourceViews::kind).toList(),
        Links.history(id),
        new StudyPage.PrintInfo(pageUrl.orElse(Links.study(id)), today.toString(),
            text(st.lastUpdatePostDateStruct() == null ? null : st.lastUpdatePostDateStruct().date()),
            versions.isEmpty() ? today.toString() : versions.getLast().recordedAt().toString().substring(0, 10)));
  }

  private static List<Parts.Row> oversight(org.trialdex.core.model.OversightModule o) {
    List<Parts.Row> rows = new ArrayList<>();
    if (o == null) {
      return rows;
    }
    add(rows, "Studies a U.S. FDA-regulated drug product", o.isFdaRegulatedDrug() == null ? null : yesNo(o.isFdaRegulatedDrug()));
    add(rows, "Studies a U.S. FDA-regulated device product", o.isFdaRegulatedDevice() == null ? null : yesNo(o.isFdaRegulatedDevice()));
    add(rows, "Device not yet approved or cleared by the FDA", o.isUnapprovedDevice() == null ? null : yesNo(o.isUnapprovedDevice()));
    add(rows, "Pediatric postmarket surveillance of a device", o.isPpsd() == null ? null : yesNo(o.isPpsd()));
    add(rows, "Product made in and exported from the U.S.", o.isUsExport() == null ? null : yesNo(o.isUsExport()));
    add(rows, "Has a data monitoring committee", o.oversightHasDmc() == null ? null : yesNo(o.oversightHasDmc()));
    return rows;
  }

  private static List<Parts.Row> overview(String id, StatusModule st) {
    List<Parts.Row> rows = new ArrayList<>();
    add(rows, "NCT number", id);
    add(rows, "Recruitment status", st.overallStatus() == null ? null : Labels.of(st.overallStatus()));
    add(rows, "Last known status", st.lastKnownStatus() == null ? null : Labels.of(st.lastKnownStatus()));
    add(rows, "Why stopped", st.whyStopped());
    add(rows, "Status verified", st.statusVerifiedDate());
    add(rows, "First posted", date(st.studyFirstPostDateStruct()));
    add(rows, "Last update posted", date(st.lastUpdatePostDateStruct()));
    add(rows, "Study start", date(st.startDateStruct()));
    add(rows, "Primary completion", date(st.primaryCompletionDateStruct()));
    add(rows, "Study completion", date(st.completionDateStruct()));
    return rows;
  }

  private static List<Parts.Row> design(DesignModule d) {
    List<Parts.Row> rows = new ArrayList<>();
    if (d == null) {
      return rows;
    }
    add(rows, "Study type", d.studyType() == null ? null : Labels.of(d.studyType()));
    add(rows, "Phase", d.phases() == null || d.phases().isEmpty() ? null : Labels.join(d.phases()));
    if (d.enrollmentInfo() != null && d.enrollmentInfo().count() != null) {
      add(rows, "Enrollment", d.enrollmentInfo().count()
          + (d.enrollmentInfo().type() == null ? "" : " (" + Labels.of(d.enrollmentInfo().type()).toLowerCase(java.util.Locale.ROOT) + ")"));
    }
    var i = d.designInfo();
    if (i != null) {
      // As the registry writes it: "N/A", "Randomized", "Non-Randomized".
      add(rows, "Allocation", i.allocation() == null ? null : switch (i.allocation().name()) {
        case "NA" -> "N/A";
        case "NON_RANDOMIZED" -> "Non-Randomized";
        default -> label(i.allocation());
      });
      add(rows, "Intervention model", label(i.interventionModel()));
      add(rows, "Model description", i.interventionModelDescription());
      add(rows, "Primary purpose", label(i.primaryPurpose()));
      add(rows, "Observational model", label(i.observationalModel()));
      add(rows, "Time perspective", label(i.timePerspective()));
      if (i.maskingInfo() != null) {
        List<String> who = i.maskingInfo().whoMasked() == null ? List.of()
            : i.maskingInfo().whoMasked().stream().map(Labels::of).toList();
        add(rows, "Masking", i.maskingInfo().masking() == null ? null : PlainWords.masking(i.maskingInfo().masking(), who));
        add(rows, "Masking description", i.maskingInfo().maskingDescription());
      }
    }
    add(rows, "Patient registry", d.patientRegistry() == null ? null : yesNo(d.patientRegistry()));
    add(rows, "Target duration", d.targetDuration());
    return rows;
  }

  private static List<StudyPage.Arm> arms(ArmsInterventionsModule m, Map<String, List<Rich.Mark>> marks) {
    if (m == null || m.armGroups() == null) {
      return List.of();
    }
    List<StudyPage.Arm> out = new ArrayList<>();
    for (int i = 0; i < m.armGroups().size(); i++) {
      var a = m.armGroups().get(i);
      String at = ARMS + "armGroups[" + i + "].";
      out.add(new StudyPage.Arm(nz(a.label()), text(label(a.type())),
          text(a.description()).map(d -> Rich.of(d, marks.getOrDefault(at + "description", List.of()))),
          list(a.interventionNames())));
    }
    return out;
  }

  private static List<StudyPage.Treatment> interventions(ArmsInterventionsModule m, Map<String, List<Rich.Mark>> marks) {
    if (m == null || m.interventions() == null) {
      return List.of();
    }
    List<StudyPage.Treatment> out = new ArrayList<>();
    for (int n = 0; n < m.interventions().size(); n++) {
      var i = m.interventions().get(n);
      String at = ARMS + "interventions[" + n + "].";
      out.add(new StudyPage.Treatment(Rich.of(nz(i.name()), marks.getOrDefault(at + "name", List.of())),
          text(label(i.type())),
          text(i.description()).map(d -> Rich.of(d, marks.getOrDefault(at + "description", List.of()))),
          list(i.otherNames()), list(i.armGroupLabels())));
    }
    return out;
  }

  private static List<StudyPage.OutcomeItem> outcomes(List<Outcome> list) {
    return map(list, o -> new StudyPage.OutcomeItem(nz(o.measure()), text(o.description()), text(o.timeFrame())));
  }

  private static Optional<StudyPage.Eligibility> eligibility(EligibilityModule e, List<Study> others) {
    if (e == null) {
      return Optional.empty();
    }
    List<Parts.Row> facts = new ArrayList<>();
    if (e.minimumAge() != null || e.maximumAge() != null) {
      add(facts, "Ages", (e.minimumAge() == null ? "No minimum" : e.minimumAge()) + " to "
          + (e.maximumAge() == null ? "no maximum" : e.maximumAge()));
    }
    add(facts, "Age groups", e.stdAges() == null || e.stdAges().isEmpty() ? null : Labels.join(e.stdAges()));
    add(facts, "Sexes", label(e.sex()));
    add(facts, "Gender based", e.genderBased() == null ? null : yesNo(e.genderBased()));
    add(facts, "Gender description", e.genderDescription());
    add(facts, "Accepts healthy volunteers", e.healthyVolunteers() == null ? null : yesNo(e.healthyVolunteers()));
    add(facts, "Sampling method", label(e.samplingMethod()));
    Criteria criteria = e.eligibilityCriteria() == null ? new Criteria(List.of(), List.of(), List.of())
        : Criteria.parse(SourceViews.bestCriteria(e.eligibilityCriteria(), others));
    return Optional.of(new StudyPage.Eligibility(facts, text(e.studyPopulation()), criteria));
  }

  static StudyPage.Person person(Contact c) {
    List<String> details = new ArrayList<>();
    if (c.role() != null) {
      details.add(Labels.of(c.role()));
    }
    if (c.phone() != null) {
      details.add(c.phone() + (c.phoneExt() == null ? "" : " ext. " + c.phoneExt()));
    }
    if (c.email() != null) {
      details.add(c.email());
    }
    return new StudyPage.Person(c.name() == null ? "(name not given)" : c.name(), details);
  }

  private static StudyPage.Person official(Official o) {
    List<String> details = new ArrayList<>();
    if (o.role() != null) {
      details.add(Labels.of(o.role()));
    }
    if (o.affiliation() != null) {
      details.add(o.affiliation());
    }
    return new StudyPage.Person(nz(o.name()), details);
  }

  private static StudyPage.Site site(Location l, List<Study> others) {
    String state = l.state() != null && !l.state().isBlank() ? l.state() : SourceViews.state(l, others).orElse(null);
    String place = String.join(", ", Arrays.asList(l.city(), state, l.zip(), l.country()).stream()
        .filter(x -> x != null && !x.isBlank()).toList());
    return new StudyPage.Site(text(l.facility()).orElse(place), place, text(label(l.status())),
        map(l.contacts(), StudyPages::person), Optional.empty());
  }

  private static Optional<String> responsibleParty(SponsorCollaboratorsModule sp) {
    var r = sp.responsibleParty();
    if (r == null) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (r.type() != null) {
      parts.add(Labels.of(r.type()));
    }
    for (String x : Arrays.asList(r.investigatorFullName(), r.investigatorTitle(), r.investigatorAffiliation(), r.oldNameTitle(), r.oldOrganization())) {
      if (x != null && !x.isBlank()) {
        parts.add(x);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
  }

  private static List<Parts.Row> identifiers(IdentificationModule idm) {
    List<Parts.Row> rows = new ArrayList<>();
    if (idm.orgStudyIdInfo() != null) {
      add(rows, "Organization's study id" + (idm.organization() == null || idm.organization().fullName() == null ? ""
          : " (" + idm.organization().fullName() + ")"), idm.orgStudyIdInfo().id());
    }
    for (var s : list(idm.secondaryIdInfos())) {
      String kind = s.type() == null ? "Secondary id" : Labels.of(s.type());
      add(rows, kind + (s.domain() == null ? "" : " (" + s.domain() + ")"), s.id());
    }
    for (String alias : list(idm.nctIdAliases())) {
      add(rows, "Also registered as", alias);
    }
    return rows;
  }

  private static List<Parts.Row> recordDates(StatusModule st) {
    List<Parts.Row> rows = new ArrayList<>();
    add(rows, "First submitted", st.studyFirstSubmitDate());
    add(rows, "First submitted that met QC criteria", st.studyFirstSubmitQcDate());
    add(rows, "First posted", date(st.studyFirstPostDateStruct()));
    add(rows, "Results first submitted", st.resultsFirstSubmitDate());
    add(rows, "Results first posted", date(st.resultsFirstPostDateStruct()));
    add(rows, "Last update submitted", st.lastUpdateSubmitDate());
    add(rows, "Last update posted", date(st.lastUpdatePostDateStruct()));
    add(rows, "Last verified", st.statusVerifiedDate());
    return rows;
  }

  private static List<StudyPage.Related> related(Trialdex t, String id) {
    List<RelatedTrial> related;
    try {
      related = t.searches().related(id, RELATED).orElse(List.of());
    } catch (SearchException | SearchUnavailableException e) {
      // A trial the index does not hold yet (or an index being rebuilt) has no related trials to
      // show; the page, read from the store, still renders.
      return List.of();
    }
    return map(related, r -> new StudyPage.Related(r.id(), Links.study(r.id()), r.briefTitle().orElse(r.id()), r.sharedFeatures()));
  }

  static String title(Study s, String id) {
    var ps = s.protocolSection();
    if (ps == null || ps.identificationModule() == null || ps.identificationModule().briefTitle() == null) {
      return id;
    }
    return ps.identificationModule().briefTitle();
  }

  private static StudyPage.ConflictItem conflict(Conflict c) {
    return new StudyPage.ConflictItem(c.path(), PlainWords.field(c.path()), nz(c.message()), claim(c.chosen()),
        map(c.others(), StudyPages::claim));
  }

  private static String claim(Claim c) {
    return c.value() + " (" + SourceViews.kind(c.sourceKey()) + ", version " + c.version() + ")";
  }

  private static StudyPage.FindingItem finding(Finding f) {
    // Worded as what a reader should do with it, not as a red "Error" (issue #15).
    String level = switch (f.severity()) {
      case ERROR -> "Registry rule not met";
      case WARNING -> "Worth checking";
      case INFO -> "Note";
    };
    return new StudyPage.FindingItem(level, f.rule(), f.path(),
        f.path().isEmpty() ? "" : PlainWords.field(f.path()), f.message());
  }

  // --- small helpers

  /**
   * The lines of a text, each stripped, blank ones left out, with the marks that fall in each line
   * (a mark across a line break is cut at it).
   */
  static List<Rich> paragraphs(String text, List<Rich.Mark> marks) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Rich.Mark> all = marks == null ? List.of() : marks;
    List<Rich> out = new ArrayList<>();
    int next = 0;
    while (next < text.length()) {
      // One line: up to the next line break (a run of breaks gives no empty lines).
      int start = next;
      while (start < text.length() && isBreak(text.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < text.length() && !isBreak(text.charAt(end))) {
        end++;
      }
      next = end;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      if (start == end) {
        continue;
      }
      List<Rich.Mark> here = new ArrayList<>();
      for (Rich.Mark mk : all) {
        int from = Math.max(mk.start(), start);
        int to = Math.min(mk.end(), end);
        if (from < to) {
          here.add(new Rich.Mark(from - start, to - start, mk.title()));
        }
      }
      out.add(Rich.of(text.substring(start, end), here));
    }
    return out;
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  private static String date(PartialDateStruct d) {
    if (d == null || d.date() == null) {
      return null;
    }
    return d.date() + (d.type() == null ? "" : " (" + Labels.of(d.type()).toLowerCase(java.util.Locale.ROOT) + ")");
  }

  private static String date(DateStruct d) {
    if (d == null || d.date() == null) {
      return null;
    }
    return d.date() + (d.type() == null ? "" : " (" + Labels.of(d.type()).toLowerCase(java.util.Locale.ROOT) + ")");
  }

  private static String label(Object e) {
    return e == null ? null : Labels.of(e);
  }

  static String yesNo(boolean b) {
    return b ? "Yes" : "No";
  }

  private static void add(List<Parts.Row> rows, String label, String value) {
    if (value != null && !value.isBlank()) {
      rows.add(new Parts.Row(label, value));
    }
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static <T, R> List<R> map(List<T> l, Function<T, R> f) {
    return l == null ? List.of() : l.stream().map(f).toList();
  }
}
