package org.trialdex.ingest.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.AgencyClass;
import org.trialdex.core.model.ArmGroupType;
import org.trialdex.core.model.DateType;
import org.trialdex.core.model.EnrollmentType;
import org.trialdex.core.model.InterventionType;
import org.trialdex.core.model.Location;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.RecruitmentStatus;
import org.trialdex.core.model.Sex;
import org.trialdex.core.model.StandardAge;
import org.trialdex.core.model.Status;
import org.trialdex.core.model.Study;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.ReadWarning;
import org.trialdex.testing.SharedData;

/** The 1,480 MSC trials of October 2022, as the classic study-fields API gave them. */
class ClassicFieldsReaderMscTest {

  private static List<ReadResult> results;
  private static Map<String, ReadResult.Read> byId;

  @BeforeAll
  static void readTheMscFile() {
    results = ClassicFields.readFile(SharedData.mscClassic());
    byId = results.stream().filter(r -> r instanceof ReadResult.Read).map(r -> (ReadResult.Read) r)
        .collect(Collectors.toMap(ReadResult.Read::nctId, Function.identity()));
  }

  @Test
  void everyOneOfThe1480LinesReadsAsAStudyWithItsLineNumber() {
    assertEquals(1480, results.size());
    assertEquals(1480, byId.size());
    assertEquals(0, results.stream().filter(r -> r instanceof ReadResult.Failed).count());
    ReadResult.Read first = (ReadResult.Read) results.get(0);
    assertEquals("NCT00081055", first.nctId());
    assertEquals("ctgov-classic-fields msc_studyfields_2022-10.jsonl (line 1)", first.provenance().toString());
  }

  @Test
  void everyPieceInTheFileIsKnownAndEveryValueConverts() {
    List<ReadWarning> all = byId.values().stream().flatMap(r -> r.warnings().stream()).toList();
    assertEquals(List.of(), all.stream().filter(w -> w.message().startsWith("not classic pieces")).toList());
    assertEquals(List.of(), all.stream().filter(w -> w.message().contains("cannot be read as")).toList());
  }

  @Test
  void parallelListsOfUnequalLengthAreReportedPerList() {
    Map<String, Long> byList = byId.values().stream().flatMap(r -> r.warnings().stream())
        .filter(w -> w.message().startsWith("parallel lists differ"))
        .collect(Collectors.groupingBy(ReadWarning::field, Collectors.counting()));
    assertEquals(72L, byList.get("protocolSection.contactsLocationsModule.locations[]"));
    assertEquals(1339L, byList.get("derivedSection.conditionBrowseModule.browseLeaves[]"));
  }

  @Test
  void nct03123458HasThreeLocationsAlignedAndItsTwoStatesLeftOut() {
    ReadResult.Read read = byId.get("NCT03123458");
    var ps = read.study().protocolSection();
    assertEquals("Clonal Fetal Mesenchymal Stem Cells (cfMSCs) for the Control of Immune-related Disorders",
        ps.identificationModule().briefTitle());
    assertEquals(Status.UNKNOWN, ps.statusModule().overallStatus());
    assertEquals("2016-01-01", ps.statusModule().startDateStruct().date());
    assertEquals(DateType.ACTUAL, ps.statusModule().startDateStruct().type());
    assertEquals("2019-12-31", ps.statusModule().primaryCompletionDateStruct().date());
    assertEquals("2017-04-21", ps.statusModule().studyFirstPostDateStruct().date());
    assertEquals(List.of(Phase.PHASE1), ps.designModule().phases());
    assertEquals(100, ps.designModule().enrollmentInfo().count());
    assertEquals(EnrollmentType.ESTIMATED, ps.designModule().enrollmentInfo().type());
    assertEquals(List.of("Immune Related Disorder", "Tissue Damage"), ps.conditionsModule().conditions());
    var arm = ps.armsInterventionsModule().armGroups().get(0);
    assertEquals("Single arm, cfMSC to treat immune disorders", arm.label());
    assertEquals(ArmGroupType.EXPERIMENTAL, arm.type());
    assertEquals(List.of("Biological: clonal fetal MSCs"), arm.interventionNames());
    var intervention = ps.armsInterventionsModule().interventions().get(0);
    assertEquals(InterventionType.BIOLOGICAL, intervention.type());
    assertEquals("clonal fetal MSCs", intervention.name());
    assertEquals(List.of("Single arm, cfMSC to treat immune disorders"), intervention.armGroupLabels());
    assertEquals("up to one month", ps.outcomesModule().primaryOutcomes().get(0).timeFrame());
    assertEquals("after 1 month from fMSC infusion", ps.outcomesModule().secondaryOutcomes().get(0).timeFrame());
    assertEquals("1 Year", ps.eligibilityModule().minimumAge());
    assertEquals("80 Years", ps.eligibilityModule().maximumAge());
    assertEquals(Sex.ALL, ps.eligibilityModule().sex());
    assertEquals(List.of(StandardAge.CHILD, StandardAge.ADULT, StandardAge.OLDER_ADULT), ps.eligibilityModule().stdAges());
    assertTrue(ps.eligibilityModule().eligibilityCriteria().startsWith("Inclusion Criteria:\n\nInformed consent.\n"));
    assertEquals(674, ps.eligibilityModule().eligibilityCriteria().length());
    assertEquals("Shenzhen Geno-Immune Medical Institute", ps.sponsorCollaboratorsModule().leadSponsor().name());
    assertEquals(AgencyClass.OTHER, ps.sponsorCollaboratorsModule().leadSponsor().agencyClass());
    // Three facilities, three cities, three countries; only two states, so no state can be placed.
    List<Location> locations = ps.contactsLocationsModule().locations();
    assertEquals(List.of("Capital Institute of Pediatrics affiliated Children's hospital / Beijing / China",
            "Shenzhen Geno-immune Medical Institute / Shenzhen / China", "Aerospace Center Hospital / Beijing / China"),
        locations.stream().map(l -> l.facility() + " / " + l.city() + " / " + l.country()).toList());
    assertTrue(locations.stream().allMatch(l -> l.state() == null));
    assertEquals(List.of("protocolSection.contactsLocationsModule.locations[]: parallel lists differ in length:"
            + " LocationCity 3, LocationCountry 3, LocationFacility 3, LocationState 2, LocationZip 3. The classic export"
            + " drops empty values, so LocationState cannot be matched to their 3 elements and is left out;"
            + " LocationCity, LocationCountry, LocationFacility, LocationZip mapped"),
        read.warnings().stream().map(w -> w.field() + ": " + w.message()).toList());
  }

  @Test
  void nct01763086HasNineCollaboratorsAndOneLocation() {
    var ps = byId.get("NCT01763086").study().protocolSection();
    assertEquals(List.of(Phase.PHASE2), ps.designModule().phases());
    assertEquals("2013-01", ps.statusModule().startDateStruct().date());
    assertNull(ps.statusModule().startDateStruct().type());
    assertEquals("2013-01-16", ps.statusModule().lastUpdatePostDateStruct().date());
    assertEquals(DateType.ESTIMATED, ps.statusModule().lastUpdatePostDateStruct().type());
    assertEquals(60, ps.designModule().enrollmentInfo().count());
    assertEquals(9, ps.sponsorCollaboratorsModule().collaborators().size());
    assertEquals("Zhongshan People's Hospital, Guangdong, China", ps.sponsorCollaboratorsModule().collaborators().get(8).name());
    assertEquals("14 Years", ps.eligibilityModule().minimumAge());
    assertEquals(Boolean.FALSE, ps.eligibilityModule().healthyVolunteers());
    assertEquals("hematopoietic recovery", ps.outcomesModule().primaryOutcomes().get(0).measure());
    assertEquals("1 year", ps.outcomesModule().primaryOutcomes().get(0).timeFrame());
    Location only = ps.contactsLocationsModule().locations().get(0);
    assertEquals(List.of("Department of Hematology,Nanfang Hospital, Southern Medical University", "Guangzhou",
        "Guangdong", "China", "RECRUITING"),
        List.of(only.facility(), only.city(), only.state(), only.country(), only.status().name()));
  }

  @Test
  void nct00953485IsACombinedPhaseWithAnUnknownStatusAndNoArms() {
    Study study = byId.get("NCT00953485").study();
    var ps = study.protocolSection();
    assertEquals("Allogeneic Mesenchymal Stem Cells Transplantation for Primary Sjögren's Syndrome (pSS)",
        ps.identificationModule().briefTitle());
    assertEquals(Status.UNKNOWN, ps.statusModule().overallStatus());
    assertEquals(List.of(Phase.PHASE1, Phase.PHASE2), ps.designModule().phases());
    assertEquals("2009-06", ps.statusModule().startDateStruct().date());
    assertEquals("2011-12", ps.statusModule().completionDateStruct().date());
    assertEquals(List.of("Sjogren's Syndrome", "Mesenchymal Stem Cells"), ps.conditionsModule().conditions());
    assertNull(ps.armsInterventionsModule().armGroups());
    assertEquals("Allogeneic Mesenchymal Stem Cells (AlloMSC)", ps.armsInterventionsModule().interventions().get(0).name());
    assertEquals(List.of("Monthly", "Monthly"),
        ps.outcomesModule().secondaryOutcomes().stream().map(o -> o.timeFrame()).toList());
    assertEquals("15 Years", ps.eligibilityModule().minimumAge());
    assertEquals(1017, ps.eligibilityModule().eligibilityCriteria().length());
    assertEquals(RecruitmentStatus.RECRUITING, ps.contactsLocationsModule().locations().get(0).status());
    assertEquals("Jiangsu", ps.contactsLocationsModule().locations().get(0).state());
    assertNull(study.resultsSection());
    assertNull(study.hasResults());
  }

  @Test
  void armLinksAreLeftOutOnlyWhereTheTwoFlattenedListsDoNotSplitInOneWay() {
    // Before the split, every record with several arms (858) or several interventions (681) lost them.
    assertEquals(Map.of("at least 2 possible splits", 19L, "no consistent split", 3L), splitFailures("ArmGroupInterventionName"));
    assertEquals(Map.of("at least 2 possible splits", 19L, "no consistent split", 6L), splitFailures("InterventionArmGroupLabel"));
    long multiArmLinked = byId.values().stream().map(r -> r.study().protocolSection().armsInterventionsModule())
        .filter(ai -> ai != null && ai.armGroups() != null && ai.armGroups().size() > 1)
        .filter(ai -> ai.armGroups().stream().anyMatch(a -> a.interventionNames() != null)).count();
    assertEquals(836, multiArmLinked);
  }

  @Test
  void nct00366145sTwoArmsShareTheStandardOfCareWhoseLabelsTheExportSortedByText() {
    var ai = byId.get("NCT00366145").study().protocolSection().armsInterventionsModule();
    assertEquals(List.of("Prochymal®: [Biological: Prochymal®, Drug: Standard of Care for GVHD]",
            "Placebo: [Drug: Placebo, Drug: Standard of Care for GVHD]"),
        ai.armGroups().stream().map(a -> a.label() + ": " + a.interventionNames()).toList());
    // "Placebo" before "Prochymal®" although Prochymal® is the first arm: kept as the source wrote it.
    assertEquals(List.of("Prochymal®: [Prochymal®]", "Placebo: [Placebo]",
            "Standard of Care for GVHD: [Placebo, Prochymal®]"),
        ai.interventions().stream().map(i -> i.name() + ": " + i.armGroupLabels()).toList());
    assertEquals(List.of("InterventionOtherName"), byId.get("NCT00366145").warnings().stream()
        .filter(w -> w.message().startsWith("not mapped: these values belong")).map(ReadWarning::field).toList());
  }

  @Test
  void nct01065337sControlArmHasNoInterventionAndEachCellTypeTwoRoutes() {
    var ai = byId.get("NCT01065337").study().protocolSection().armsInterventionsModule();
    assertEquals(List.of("control group: null",
            "bone marrow stem cells intraarterial: [Biological: bone marrow stem cells (BMC)]",
            "tissue repair cells intramuscular: [Biological: tissue repair cells (TRC)]",
            "tissue repair cells intraarterial: [Biological: tissue repair cells (TRC)]",
            "bone marrow stem cells intramuscular: [Biological: bone marrow stem cells (BMC)]"),
        ai.armGroups().stream().map(a -> a.label() + ": " + a.interventionNames()).toList());
    assertEquals(List.of(
            "tissue repair cells (TRC): [tissue repair cells intraarterial, tissue repair cells intramuscular]",
            "bone marrow stem cells (BMC): [bone marrow stem cells intraarterial, bone marrow stem cells intramuscular]"),
        ai.interventions().stream().map(i -> i.name() + ": " + i.armGroupLabels()).toList());
  }

  @Test
  void nct00482092sTwoProchymalDosesShareOneInterventionAndPlaceboHasItsOwn() {
    var ai = byId.get("NCT00482092").study().protocolSection().armsInterventionsModule();
    assertEquals(List.of("Placebo: [Drug: Placebo]", "Prochymal® - Low dose: [Drug: Prochymal®]",
            "Prochymal® - High dose: [Drug: Prochymal®]"),
        ai.armGroups().stream().map(a -> a.label() + ": " + a.interventionNames()).toList());
    assertEquals(List.of("Prochymal®: [Prochymal® - High dose, Prochymal® - Low dose]", "Placebo: [Placebo]"),
        ai.interventions().stream().map(i -> i.name() + ": " + i.armGroupLabels()).toList());
  }

  @Test
  void nct00721045sSixArmsCannotTellWhichOfThreeLikeNamedInterventionsTheyUse() {
    ReadResult.Read read = byId.get("NCT00721045");
    var ai = read.study().protocolSection().armsInterventionsModule();
    assertEquals(6, ai.armGroups().size());
    assertTrue(ai.armGroups().stream().allMatch(a -> a.interventionNames() == null));
    assertTrue(ai.interventions().stream().allMatch(i -> i.armGroupLabels() == null));
    assertEquals(Map.of("at least 2 possible splits", 1L), splitFailures("ArmGroupInterventionName", read));
  }

  @Test
  void nct02846883NamesEachOfItsTwoMscInterventionsOncePerArmSoNoSplitFits() {
    ReadResult.Read read = byId.get("NCT02846883");
    assertEquals(List.of("no consistent split (ArmGroupInterventionName has 6 values and InterventionArmGroupLabel 9,"
            + " but each link adds one to each)"),
        read.warnings().stream().filter(w -> w.field().equals("ArmGroupInterventionName"))
            .map(w -> w.message().substring(w.message().indexOf("have ") + 5)).toList());
  }

  private static Map<String, Long> splitFailures(String piece) {
    return splitFailures(piece, byId.values().toArray(ReadResult.Read[]::new));
  }

  private static Map<String, Long> splitFailures(String piece, ReadResult.Read... reads) {
    return java.util.Arrays.stream(reads).flatMap(r -> r.warnings().stream())
        .filter(w -> w.field().equals(piece) && w.message().startsWith("not mapped: these values belong"))
        .collect(Collectors.groupingBy(w -> w.message().contains("possible splits") ? "at least 2 possible splits"
            : w.message().contains("no consistent split") ? "no consistent split" : w.message(), Collectors.counting()));
  }
}
