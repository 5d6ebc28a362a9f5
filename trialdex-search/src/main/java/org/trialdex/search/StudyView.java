package org.trialdex.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.trialdex.core.celltherapy.CellTherapy;
import org.trialdex.core.celltherapy.CellTherapyProfile;
import org.trialdex.core.celltherapy.Coded;
import org.trialdex.core.celltherapy.Dose;
import org.trialdex.core.celltherapy.Fact;
import org.trialdex.core.model.ArmGroup;
import org.trialdex.core.model.ArmsInterventionsModule;
import org.trialdex.core.model.BrowseModule;
import org.trialdex.core.model.ConditionsModule;
import org.trialdex.core.model.ContactsLocationsModule;
import org.trialdex.core.model.DerivedSection;
import org.trialdex.core.model.DescriptionModule;
import org.trialdex.core.model.DesignInfo;
import org.trialdex.core.model.DesignModule;
import org.trialdex.core.model.DocumentSection;
import org.trialdex.core.model.ExpandedAccessTypes;
import org.trialdex.core.model.LargeDoc;
import org.trialdex.core.model.LargeDocumentModule;
import org.trialdex.core.model.EligibilityModule;
import org.trialdex.core.model.EnrollmentInfo;
import org.trialdex.core.model.GeoPoint;
import org.trialdex.core.model.IdentificationModule;
import org.trialdex.core.model.Intervention;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Mesh;
import org.trialdex.core.model.OrgStudyIdInfo;
import org.trialdex.core.model.Outcome;
import org.trialdex.core.model.OutcomesModule;
import org.trialdex.core.model.ProtocolSection;
import org.trialdex.core.model.SecondaryIdInfo;
import org.trialdex.core.model.Sponsor;
import org.trialdex.core.model.SponsorCollaboratorsModule;
import org.trialdex.core.model.StatusModule;
import org.trialdex.core.model.Study;
import org.trialdex.core.trust.TrustSignal;
import org.trialdex.core.trust.TrustSignals;
import org.trialdex.core.view.StudyModules;

/**
 * Null-safe reading of the parts of a {@link Study} the index uses: every accessor returns a value
 * or an empty list, never null, so the schema reads as a list of v2 paths.
 */
final class StudyView {

  private final Study study;
  /** The modules, absent ones empty: core's one null-safe view. */
  private final StudyModules modules;
  /** The cell-therapy profile, read once when first asked for (reading it scans the record's texts). */
  private CellTherapyProfile cellTherapy;
  /** The day trust signals are computed as of: the indexing day (UTC) unless given. */
  private final LocalDate asOf;
  /** The trust signals as of {@link #asOf}, computed once when first asked for. */
  private List<TrustSignal> trustSignals;

  StudyView(Study study) {
    this(study, LocalDate.now(ZoneOffset.UTC));
  }

  /** A view whose trust signals are computed as of {@code asOf}. */
  StudyView(Study study, LocalDate asOf) {
    this.study = study;
    this.modules = StudyModules.of(study);
    this.asOf = asOf;
  }

  private Optional<IdentificationModule> identification() {
    return Optional.of(modules.identification());
  }

  private Optional<StatusModule> status() {
    return Optional.of(modules.status());
  }

  private Optional<DesignModule> design() {
    return Optional.of(modules.design());
  }

  /** Present only when the record has the module: an absent one has no age limits, an empty one "no limit". */
  private Optional<EligibilityModule> eligibility() {
    return Optional.ofNullable(study.protocolSection()).map(ProtocolSection::eligibilityModule);
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static List<String> strings(Stream<String> values) {
    return values.filter(v -> v != null && !v.isBlank()).toList();
  }

  private static List<String> one(Optional<?> value) {
    return value.map(Object::toString).filter(v -> !v.isBlank()).map(List::of).orElse(List.of());
  }

  String nctId() {
    return identification().map(IdentificationModule::nctId).orElse("");
  }

  List<String> nctIds() {
    return one(identification().map(IdentificationModule::nctId));
  }

  List<String> nctIdAliases() {
    return strings(identification().map(i -> list(i.nctIdAliases()).stream()).orElse(Stream.empty()));
  }

  List<String> orgStudyIds() {
    return one(identification().map(IdentificationModule::orgStudyIdInfo).map(OrgStudyIdInfo::id));
  }

  List<String> secondaryIds() {
    return strings(identification().map(i -> list(i.secondaryIdInfos()).stream().map(SecondaryIdInfo::id))
        .orElse(Stream.empty()));
  }

  List<String> briefTitle() {
    return one(identification().map(IdentificationModule::briefTitle));
  }

  List<String> officialTitle() {
    return one(identification().map(IdentificationModule::officialTitle));
  }

  List<String> acronym() {
    return one(identification().map(IdentificationModule::acronym));
  }

  List<String> briefSummary() {
    return one(Optional.of(modules.description()).map(DescriptionModule::briefSummary));
  }

  List<String> detailedDescription() {
    return one(Optional.of(modules.description()).map(DescriptionModule::detailedDescription));
  }

  List<String> overallStatus() {
    return one(status().map(StatusModule::overallStatus));
  }

  List<String> startDate() {
    return one(status().map(StatusModule::startDateStruct).map(d -> d.date()));
  }

  List<String> primaryCompletionDate() {
    return one(status().map(StatusModule::primaryCompletionDateStruct).map(d -> d.date()));
  }

  List<String> completionDate() {
    return one(status().map(StatusModule::completionDateStruct).map(d -> d.date()));
  }

  List<String> studyFirstPostDate() {
    return one(status().map(StatusModule::studyFirstPostDateStruct).map(d -> d.date()));
  }

  List<String> lastUpdatePostDate() {
    return one(status().map(StatusModule::lastUpdatePostDateStruct).map(d -> d.date()));
  }

  List<String> resultsFirstPostDate() {
    return one(status().map(StatusModule::resultsFirstPostDateStruct).map(d -> d.date()));
  }

  List<String> leadSponsorName() {
    return one(Optional.of(modules.sponsors()).map(SponsorCollaboratorsModule::leadSponsor)
        .map(Sponsor::name));
  }

  List<String> leadSponsorClass() {
    return one(Optional.of(modules.sponsors()).map(SponsorCollaboratorsModule::leadSponsor)
        .map(Sponsor::agencyClass));
  }

  List<String> collaboratorClasses() {
    return strings(Optional.of(modules.sponsors())
        .map(s -> list(s.collaborators()).stream().map(Sponsor::agencyClass).filter(java.util.Objects::nonNull).map(Enum::name)).orElse(Stream.empty()));
  }

  List<String> collaboratorNames() {
    return strings(Optional.of(modules.sponsors())
        .map(s -> list(s.collaborators()).stream().map(Sponsor::name)).orElse(Stream.empty()));
  }

  private Optional<ConditionsModule> conditionsModule() {
    return Optional.of(modules.conditions());
  }

  List<String> conditions() {
    return strings(conditionsModule().map(c -> list(c.conditions()).stream()).orElse(Stream.empty()));
  }

  List<String> keywords() {
    return strings(conditionsModule().map(c -> list(c.keywords()).stream()).orElse(Stream.empty()));
  }

  private Optional<BrowseModule> browse(Function<DerivedSection, BrowseModule> which) {
    return Optional.ofNullable(study.derivedSection()).map(which);
  }

  /** The MeSH entries of a browse module (meshes, not ancestors). */
  List<Mesh> browseMeshes(Function<DerivedSection, BrowseModule> which) {
    return browse(which).map(b -> list(b.meshes()).stream().filter(m -> m != null).toList()).orElse(List.of());
  }

  List<String> conditionMeshTerms() {
    return strings(browse(DerivedSection::conditionBrowseModule)
        .map(b -> list(b.meshes()).stream().map(Mesh::term)).orElse(Stream.empty()));
  }

  List<String> conditionAncestorTerms() {
    return strings(browse(DerivedSection::conditionBrowseModule)
        .map(b -> list(b.ancestors()).stream().map(Mesh::term)).orElse(Stream.empty()));
  }

  List<String> interventionMeshTerms() {
    return strings(browse(DerivedSection::interventionBrowseModule)
        .map(b -> list(b.meshes()).stream().map(Mesh::term)).orElse(Stream.empty()));
  }

  List<String> interventionAncestorTerms() {
    return strings(browse(DerivedSection::interventionBrowseModule)
        .map(b -> list(b.ancestors()).stream().map(Mesh::term)).orElse(Stream.empty()));
  }

  private List<Intervention> interventions() {
    return Optional.of(modules.arms()).map(ArmsInterventionsModule::interventions)
        .map(StudyView::list).orElse(List.of());
  }

  List<String> interventionNames() {
    return strings(interventions().stream().map(Intervention::name));
  }

  List<String> interventionOtherNames() {
    return strings(interventions().stream().flatMap(i -> list(i.otherNames()).stream()));
  }

  List<String> interventionDescriptions() {
    return strings(interventions().stream().map(Intervention::description));
  }

  List<String> interventionTypes() {
    return strings(interventions().stream().map(i -> i.type() == null ? null : i.type().name()).distinct());
  }

  List<String> armGroupInterventionNames() {
    return strings(Optional.of(modules.arms()).map(ArmsInterventionsModule::armGroups)
        .map(StudyView::list).orElse(List.<ArmGroup>of()).stream().flatMap(a -> list(a.interventionNames()).stream()));
  }

  List<String> armGroupDescriptions() {
    return strings(Optional.of(modules.arms()).map(ArmsInterventionsModule::armGroups)
        .map(StudyView::list).orElse(List.<ArmGroup>of()).stream().flatMap(a -> Stream.of(a.label(), a.description())));
  }

  List<String> armGroupLabels() {
    return strings(Optional.of(modules.arms()).map(ArmsInterventionsModule::armGroups)
        .map(StudyView::list).orElse(List.<ArmGroup>of()).stream().map(ArmGroup::label));
  }

  List<String> armGroupDescriptionsOnly() {
    return strings(Optional.of(modules.arms()).map(ArmsInterventionsModule::armGroups)
        .map(StudyView::list).orElse(List.<ArmGroup>of()).stream().map(ArmGroup::description));
  }

  List<String> outcomes() {
    Optional<OutcomesModule> module = Optional.of(modules.outcomes());
    return strings(module.map(m -> Stream.of(list(m.primaryOutcomes()), list(m.secondaryOutcomes()),
            list(m.otherOutcomes())).flatMap(List::stream).flatMap((Outcome o) -> Stream.of(o.measure(), o.description())))
        .orElse(Stream.empty()));
  }

  List<String> phases() {
    return strings(design().map(d -> list(d.phases()).stream().map(Enum::name)).orElse(Stream.empty()));
  }

  List<String> studyType() {
    return one(design().map(DesignModule::studyType));
  }

  boolean patientRegistry() {
    return design().map(DesignModule::patientRegistry).orElse(false);
  }

  List<String> expandedAccessTypes() {
    return design().map(DesignModule::expandedAccessTypes).map(t -> {
      List<String> types = new ArrayList<>();
      if (Boolean.TRUE.equals(t.individual())) {
        types.add("individual");
      }
      if (Boolean.TRUE.equals(t.intermediate())) {
        types.add("intermediate");
      }
      if (Boolean.TRUE.equals(t.treatment())) {
        types.add("treatment");
      }
      return List.copyOf(types);
    }).orElse(List.of());
  }

  /**
   * {@code true} when the expanded-access type is set (the classic pieces
   * {@code ExpAccTypeIndividual}, {@code ExpAccTypeIntermediate}, {@code ExpAccTypeTreatment}).
   */
  List<String> expandedAccessType(Function<ExpandedAccessTypes, Boolean> type) {
    return design().map(DesignModule::expandedAccessTypes).map(type)
        .filter(Boolean.TRUE::equals).map(t -> List.of("true")).orElse(List.of());
  }

  /** {@code true} when one of the record's large documents has the part ({@code LargeDocHasProtocol}...). */
  List<String> largeDocHas(Function<LargeDoc, Boolean> part) {
    boolean has = Optional.ofNullable(study.documentSection()).map(DocumentSection::largeDocumentModule)
        .map(LargeDocumentModule::largeDocs).map(StudyView::list).orElse(List.of()).stream()
        .anyMatch(d -> d != null && Boolean.TRUE.equals(part.apply(d)));
    return has ? List.of("true") : List.of();
  }

  List<String> allocation() {
    return one(design().map(DesignModule::designInfo).map(DesignInfo::allocation));
  }

  List<String> enrollmentCount() {
    return one(design().map(DesignModule::enrollmentInfo).map(EnrollmentInfo::count));
  }

  List<String> eligibilityCriteria() {
    return one(eligibility().map(EligibilityModule::eligibilityCriteria));
  }

  List<String> sex() {
    return one(eligibility().map(EligibilityModule::sex));
  }

  /**
   * Whom the study is open to, as the sex facet counts it: a study open to all is open to women
   * and to men ({@code ALL, FEMALE, MALE}), as the {@code sex} aggFilter's {@code f} and {@code m}
   * select it, so a facet's count is what its click returns.
   */
  List<String> sexesOpenTo() {
    List<String> sex = sex();
    return sex.equals(List.of("ALL")) ? List.of("ALL", "FEMALE", "MALE") : sex;
  }

  List<String> healthyVolunteers() {
    return one(eligibility().map(EligibilityModule::healthyVolunteers));
  }

  List<String> stdAges() {
    return strings(eligibility().map(e -> list(e.stdAges()).stream().map(Enum::name)).orElse(Stream.empty()));
  }

  /** The minimum age as written, empty when the record has no eligibility module. */
  Optional<String> minimumAge() {
    return eligibility().map(e -> e.minimumAge() == null ? "" : e.minimumAge());
  }

  /** The maximum age as written, empty when the record has no eligibility module. */
  Optional<String> maximumAge() {
    return eligibility().map(e -> e.maximumAge() == null ? "" : e.maximumAge());
  }

  List<String> hasResults() {
    return one(Optional.ofNullable(study.hasResults()));
  }

  List<Location> locations() {
    return Optional.of(modules.contacts()).map(ContactsLocationsModule::locations)
        .map(StudyView::list).orElse(List.of());
  }

  List<String> locationFacilities() {
    return strings(locations().stream().map(Location::facility).distinct());
  }

  List<String> locationCities() {
    return strings(locations().stream().map(Location::city).distinct());
  }

  List<String> locationStates() {
    return strings(locations().stream().map(Location::state).distinct());
  }

  List<String> locationZips() {
    return strings(locations().stream().map(Location::zip).distinct());
  }

  List<String> locationCountries() {
    return strings(locations().stream().map(Location::country).distinct());
  }

  /** Site coordinates as {latitude, longitude}, for the sites that have them. */
  List<double[]> geoPoints() {
    return locations().stream().map(Location::geoPoint).filter(g -> g != null && g.lat() != null && g.lon() != null)
        .map((GeoPoint g) -> new double[] {g.lat().doubleValue(), g.lon().doubleValue()}).toList();
  }

  /** The record's cell-therapy profile (issue #11), read on first use. */
  CellTherapyProfile cellTherapy() {
    if (cellTherapy == null) {
      cellTherapy = CellTherapy.profile(study);
    }
    return cellTherapy;
  }

  /** {@code true} when the record gives a cell product, else {@code false}. */
  List<String> cellTherapyGiven() {
    return List.of(Boolean.toString(cellTherapy().hasProduct()));
  }

  /** Cell-type codes ({@code msc}, {@code hsc}...). */
  List<String> cellTypes() {
    return codes(cellTherapy().cellTypeValues());
  }

  /** Tissue-source codes ({@code bone-marrow}, {@code umbilical-cord}...). */
  List<String> cellSources() {
    return codes(cellTherapy().sourceValues());
  }

  /** Donor codes, kinds and details ({@code allogeneic}, {@code third-party}...). */
  List<String> cellDonors() {
    return codes(cellTherapy().donorValues());
  }

  /** Route codes ({@code intravenous}, {@code intrathecal}...). */
  List<String> cellRoutes() {
    return codes(cellTherapy().routeValues());
  }

  /** Product names as the record writes them. */
  List<String> cellProducts() {
    return strings(cellTherapy().products().stream().map(Fact::value));
  }

  /** Doses in cells per kilogram, as {@link CellCounts#span} spans. */
  List<String> cellDosesPerKg() {
    return doseSpans(Dose.Basis.PER_KG);
  }

  /** Total doses in cells, as {@link CellCounts#span} spans. */
  List<String> cellDosesTotal() {
    return doseSpans(Dose.Basis.TOTAL);
  }

  private List<String> doseSpans(Dose.Basis basis) {
    return cellTherapy().doses().stream().filter(d -> d.basis() == basis && Dose.CELLS.equals(d.unit()))
        .map(d -> CellCounts.span(d.min(), d.max())).distinct().toList();
  }

  /** The record's trust signals (issue #11) as of this view's day, read on first use. */
  List<TrustSignal> trustSignals() {
    if (trustSignals == null) {
      trustSignals = TrustSignals.of(study, asOf, cellTherapy().hasProduct());
    }
    return trustSignals;
  }

  /** Trust-signal kind codes ({@code pay}, {@code results-overdue}...); none for a record without signals. */
  List<String> trustSignalCodes() {
    return trustSignals().stream().map(t -> t.kind().code()).distinct().toList();
  }

  /** The {@code trust} facet's values: the kind codes, or {@value #NO_TRUST_SIGNAL} for a record without signals. */
  List<String> trustFacetValues() {
    List<String> codes = trustSignalCodes();
    return codes.isEmpty() ? List.of(NO_TRUST_SIGNAL) : codes;
  }

  /** The {@code trust} facet value (and aggFilters code) of a record without trust signals. */
  static final String NO_TRUST_SIGNAL = "none";

  private static List<String> codes(java.util.Collection<? extends Coded> values) {
    return values.stream().map(Coded::code).toList();
  }
}
