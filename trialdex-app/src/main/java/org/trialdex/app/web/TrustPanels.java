package org.trialdex.app.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialdex.core.model.Study;
import org.trialdex.core.trust.TrustSignal;

/** Builds the study page's {@link TrustPanel} from the record's trust signals as of a day. */
final class TrustPanels {

  /** API v2 paths (list indexes removed) named in words. */
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("protocolSection.descriptionModule.briefSummary", "Brief summary"),
      Map.entry("protocolSection.descriptionModule.detailedDescription", "Detailed description"),
      Map.entry("protocolSection.eligibilityModule.eligibilityCriteria", "Eligibility criteria"),
      Map.entry("protocolSection.sponsorCollaboratorsModule.leadSponsor.class", "Lead sponsor type"),
      Map.entry("protocolSection.sponsorCollaboratorsModule.leadSponsor.name", "Lead sponsor"),
      Map.entry("protocolSection.contactsLocationsModule.locations.length", "Number of listed sites"),
      Map.entry("protocolSection.oversightModule.isFdaRegulatedDrug", "FDA-regulated drug"),
      Map.entry("protocolSection.oversightModule.isFdaRegulatedDevice", "FDA-regulated device"),
      Map.entry("protocolSection.designModule.studyType", "Study type"),
      Map.entry("protocolSection.designModule.phases", "Phases"),
      Map.entry("protocolSection.designModule.designInfo.primaryPurpose", "Primary purpose"),
      Map.entry("protocolSection.statusModule.overallStatus", "Overall status"),
      Map.entry("protocolSection.statusModule.statusVerifiedDate", "Status last verified"),
      Map.entry("protocolSection.statusModule.startDateStruct.date", "Start date"),
      Map.entry("protocolSection.statusModule.primaryCompletionDateStruct.date", "Primary completion date"),
      Map.entry("protocolSection.statusModule.completionDateStruct.date", "Completion date"),
      Map.entry("protocolSection.statusModule.resultsFirstSubmitDate", "Results first submitted"),
      Map.entry("protocolSection.statusModule.dispFirstSubmitDate", "Certificate of delay submitted"),
      Map.entry("hasResults", "Results posted"));
  private static final Pattern SITE = Pattern.compile("protocolSection\\.contactsLocationsModule\\.locations\\[(\\d+)\\]\\.(\\w+)");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");

  private TrustPanels() {}

  /**
   * The section for {@code signals}, the record's {@link org.trialdex.core.trust.TrustSignals trust
   * signals} as of {@code asOf}; empty for none.
   */
  static Optional<TrustPanel> panel(Study study, LocalDate asOf, List<TrustSignal> signals) {
    if (signals.isEmpty()) {
      return Optional.empty();
    }
    List<TrustPanel.Signal> out = new ArrayList<>();
    for (TrustSignal s : signals) {
      List<TrustPanel.Evidence> evidence = new ArrayList<>();
      for (TrustSignal.Evidence e : s.evidence()) {
        String value = e.value().equals(TrustSignal.Evidence.ABSENT) ? "not given in the record" : readable(e.value());
        evidence.add(new TrustPanel.Evidence(words(study, e.field()), e.hasSpan() ? e.value() : value, e.hasSpan()));
      }
      out.add(new TrustPanel.Signal(s.kind().code(), s.kind().label(), s.statement(), evidence));
    }
    return Optional.of(new TrustPanel(asOf.toString(), out));
  }

  /** The field at an API v2 path in words: arms, interventions and texts as the cell panel names them. */
  static String words(Study study, String path) {
    Optional<CellPanels.Field> named = CellPanels.field(study, path);
    if (named.isPresent()) {
      return named.get().words();
    }
    String known = WORDS.get(path);
    if (known != null) {
      return known;
    }
    Matcher site = SITE.matcher(path);
    if (site.matches()) {
      return "Site " + (Integer.parseInt(site.group(1)) + 1) + " " + spaced(site.group(2));
    }
    String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+\\]", "");
    String w = spaced(last);
    return w.isEmpty() ? path : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** A structured value for people: enum names as words ({@code [PHASE2, PHASE3]} is "Phase 2, Phase 3"), yes/no. */
  private static String readable(String value) {
    if (value.startsWith("[") && value.endsWith("]")) {
      return String.join(", ", java.util.Arrays.stream(value.substring(1, value.length() - 1).split(",\\s*"))
          .map(TrustPanels::readable).toList());
    }
    if (value.equals("true") || value.equals("false")) {
      return value.equals("true") ? "yes" : "no";
    }
    return value.matches("[A-Z][A-Z0-9_]*") ? Labels.of(value) : value;
  }

  private static String spaced(String camel) {
    return CAMEL.matcher(camel).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
