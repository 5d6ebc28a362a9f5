package org.trialdex.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Study;

/** Which stored records are the same trial, on real registry records of the NSCLC sample. */
class TrialIdentityTest {

  private static final String AFATINIB = "NCT02369484"; // lists ETOP 7-14, 2014-005098-35, 1200.230, SNCTP000001674
  private static final String APPLE = "NCT02856893";

  private static Candidate stored(String id, Study study) {
    return new Candidate(id, TitleKeys.of(study));
  }

  @Test
  void aPageWithoutNctIdIsTheOneNctRecordWithTheSameTitles() {
    Study page = Sample.page("Afatinib in NSCLC with HER2 mutation", null);
    List<Candidate> candidates = List.of(stored(AFATINIB, Sample.record(AFATINIB)));

    assertEquals(Optional.of(new SameTrial("TDX-0123456789abcdef", AFATINIB, "identical brief and official titles")),
        TrialIdentity.registryRecordOf("TDX-0123456789abcdef", TitleKeys.of(page), candidates));
  }

  @Test
  void twoNctRecordsWithTheSameTitlesAreTwoTrialsSoThePageJoinsNeither() {
    Study registry = Sample.record(AFATINIB);
    Study page = Sample.page("Afatinib in NSCLC With HER2 Mutation", null);
    List<Candidate> two = List.of(stored(AFATINIB, registry), stored("NCT99999999", registry));

    assertEquals(Optional.empty(), TrialIdentity.registryRecordOf("ETOP 7-14", TitleKeys.of(page), two));
  }

  @Test
  void candidatesWithoutNctIdOrWithAnotherOfficialTitleDoNotCount() {
    Study registry = Sample.record(AFATINIB);
    TitleKeys page = TitleKeys.of(Sample.page("Afatinib in NSCLC With HER2 Mutation",
        "Afatinib in Pretreated Patients With Advanced NSCLC Harbouring HER2 Exon 20 Mutations"));
    Study otherOfficial = Sample.page("Afatinib in NSCLC With HER2 Mutation", "Afatinib in HER2 mutant NSCLC: a pilot");
    List<Candidate> candidates = List.of(
        stored("ChiCTR2000029606", registry), // another page of the same trial: not a registry record
        stored("NCT99999999", otherOfficial),
        stored(AFATINIB, registry));

    assertEquals(Optional.of(SameTrial.byTitles("TDX-1", AFATINIB)),
        TrialIdentity.registryRecordOf("TDX-1", page, candidates));
  }

  @Test
  void anNctRecordIsNeverJoinedToAnotherRecord() {
    Study registry = Sample.record(AFATINIB);
    assertEquals(Optional.empty(),
        TrialIdentity.registryRecordOf("NCT99999999", TitleKeys.of(registry), List.of(stored(AFATINIB, registry))));
  }

  @Test
  void theIdsARecordListsAreItsOrganizationsStudyIdThenItsSecondaryIdsWithoutNctIds() {
    assertEquals(List.of("ETOP 7-14", "2014-005098-35", "1200.230", "SNCTP000001674"),
        TrialIdentity.otherIdsListedBy(Sample.record(AFATINIB)));
    assertEquals(List.of("EORTC-1613", "ESR-15-11406"), TrialIdentity.otherIdsListedBy(Sample.record(APPLE)));
    assertEquals(List.of(), TrialIdentity.otherIdsListedBy(Sample.page("A page", null)));
  }

  @Test
  void aRegistryRecordIsJoinedByTheStoredRecordsItListsThenByThoseWithItsTitles() {
    Study registry = Sample.record(AFATINIB);
    Study samePage = Sample.page("Afatinib in NSCLC with HER2 mutation", null);
    List<Candidate> titleCandidates = List.of(
        stored("TDX-feedfacefeedface", samePage),
        stored("SNCTP000001674", samePage), // listed and same titles: joins once, by its listed id
        stored(APPLE, registry), // an NCT record is never an alias
        stored("TDX-0000000000000000", Sample.page("Afatinib in NSCLC With HER2 Mutation", "Another trial")));

    assertEquals(List.of(
            new SameTrial("2014-005098-35", AFATINIB, "the registry record lists 2014-005098-35 among its identifiers"),
            SameTrial.byListedId("SNCTP000001674", AFATINIB),
            SameTrial.byTitles("TDX-feedfacefeedface", AFATINIB)),
        TrialIdentity.recordsJoining(registry, AFATINIB, Set.of("SNCTP000001674", "2014-005098-35"), titleCandidates));
  }

  @Test
  void aRegistryRecordWithNothingStoredThatNamesItIsJoinedByNothing() {
    assertEquals(List.of(), TrialIdentity.recordsJoining(Sample.record(APPLE), APPLE, Set.of(), List.of()));
  }

  @Test
  void linksGoFromARecordWithoutNctIdToAnNctRecordAndSayWhatIsWrongOtherwise() {
    assertEquals("'12345' is not an NCT id: records are linked to NCT records",
        assertThrows(IllegalArgumentException.class, () -> SameTrial.byTitles("TDX-1", "12345")).getMessage());
    assertEquals("'NCT02856893' is an NCT id itself; only a record without one can be the same trial as an NCT record",
        assertThrows(IllegalArgumentException.class, () -> SameTrial.byListedId(APPLE, AFATINIB)).getMessage());
    Study apple = Sample.record(APPLE); // outside assertThrows: a skip (no shared data) stays a skip
    assertThrows(IllegalArgumentException.class,
        () -> TrialIdentity.recordsJoining(apple, "EORTC-1613", Set.of(), List.of()));
  }
}
