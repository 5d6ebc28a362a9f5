package org.trialdex.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.DesignMasking;
import org.trialdex.core.model.EnrollmentType;
import org.trialdex.core.model.InterventionalAssignment;
import org.trialdex.core.model.Phase;
import org.trialdex.core.model.Status;

class NormalizeTest {

  @Test
  void datesInEveryRegistryFormGiveTheV2Spelling() {
    assertEquals(Optional.of("2016"), PartialDate.normalize("2016"));
    assertEquals(Optional.of("2016-01"), PartialDate.normalize("2016-01"));
    assertEquals(Optional.of("2016-01-01"), PartialDate.normalize("2016-01-01"));
    assertEquals(Optional.of("2016-01-01"), PartialDate.normalize("January 1, 2016"));
    assertEquals(Optional.of("2009-06"), PartialDate.normalize("June 2009"));
    assertEquals(Optional.of("2009-09"), PartialDate.normalize("Sept 2009"));
    assertEquals(Optional.of("2021-03-05"), PartialDate.normalize("5 March 2021"));
    assertEquals(Optional.of("2021-03-05"), PartialDate.normalize("03/05/2021"));
    // legacy XML posting_date (NCT00490477)
    assertEquals(Optional.of("2007-04"), PartialDate.normalize("04/2007"));
  }

  @Test
  void impossibleOrForeignDatesAreNotDates() {
    assertEquals(Optional.empty(), PartialDate.normalize("2016-02-30"));
    assertEquals(Optional.empty(), PartialDate.normalize("2016-13"));
    assertEquals(Optional.empty(), PartialDate.normalize("Mayo 2016"));
    assertEquals(Optional.empty(), PartialDate.normalize("soon"));
    assertEquals(Optional.empty(), PartialDate.normalize(""));
  }

  @Test
  void partialDatesSpanTheirWholePeriod() {
    PartialDate feb = PartialDate.parse("2016-02").orElseThrow();
    assertEquals("2016-02-01", feb.earliest().toString());
    assertEquals("2016-02-29", feb.latest().toString());
    assertTrue(PartialDate.parse("2016").orElseThrow().compareTo(PartialDate.parse("2016-01-02").orElseThrow()) < 0);
  }

  @Test
  void statusesInDisplayAndV2Spelling() {
    assertEquals(Optional.of(Status.UNKNOWN), V2Enums.status("Unknown status"));
    assertEquals(Optional.of(Status.RECRUITING), V2Enums.status("Recruiting"));
    assertEquals(Optional.of(Status.ACTIVE_NOT_RECRUITING), V2Enums.status("Active, not recruiting"));
    assertEquals(Optional.of(Status.NOT_YET_RECRUITING), V2Enums.status("NOT_YET_RECRUITING"));
    assertEquals(Optional.of(Status.ENROLLING_BY_INVITATION), V2Enums.status("Enrolling by invitation"));
    assertEquals(Optional.empty(), V2Enums.status("Sleeping"));
  }

  @Test
  void otherEnumsFromLegacyDisplayNames() {
    assertEquals(Optional.of(InterventionalAssignment.PARALLEL), V2Enums.parse(InterventionalAssignment.class, "Parallel Assignment"));
    assertEquals(Optional.of(DesignMasking.NONE), V2Enums.parse(DesignMasking.class, "None (Open Label)"));
    assertEquals(Optional.of(DesignMasking.DOUBLE), V2Enums.parse(DesignMasking.class, "Double (Participant, Investigator)"));
  }

  @Test
  void classicStudyFieldsDisplayNames() {
    assertEquals(Optional.of(org.trialdex.core.model.DesignAllocation.NA), V2Enums.parse(org.trialdex.core.model.DesignAllocation.class, "N/A"));
    assertEquals(Optional.of(org.trialdex.core.model.DateType.ESTIMATED), V2Enums.parse(org.trialdex.core.model.DateType.class, "Estimate"));
    assertEquals(Optional.of(org.trialdex.core.model.IpdSharingInfoType.CSR), V2Enums.parse(org.trialdex.core.model.IpdSharingInfoType.class, "Clinical Study Report (CSR)"));
    assertEquals(Optional.of(org.trialdex.core.model.SecondaryIdType.NIH), V2Enums.parse(org.trialdex.core.model.SecondaryIdType.class, "U.S. NIH Grant/Contract"));
    assertEquals(Optional.of(org.trialdex.core.model.SecondaryIdType.OTHER), V2Enums.parse(org.trialdex.core.model.SecondaryIdType.class, "Other Identifier"));
    assertEquals(Optional.of(org.trialdex.core.model.ConfidenceIntervalNumSides.TWO_SIDED), V2Enums.parse(org.trialdex.core.model.ConfidenceIntervalNumSides.class, "2-Sided"));
  }

  @Test
  void legacyXmlDisplayNamesThatDoNotSpellTheConstant() {
    assertEquals(Optional.of(org.trialdex.core.model.PrimaryPurpose.ECT),
        V2Enums.parse(org.trialdex.core.model.PrimaryPurpose.class, "Educational/Counseling/Training"));
    assertEquals(Optional.of(org.trialdex.core.model.IpdSharingInfoType.SAP),
        V2Enums.parse(org.trialdex.core.model.IpdSharingInfoType.class, "Statistical Analysis Plan (SAP)"));
    assertEquals(Optional.of(org.trialdex.core.model.IpdSharingInfoType.ICF),
        V2Enums.parse(org.trialdex.core.model.IpdSharingInfoType.class, "Informed Consent Form (ICF)"));
    assertEquals(Optional.of(org.trialdex.core.model.IpdSharingInfoType.CSR),
        V2Enums.parse(org.trialdex.core.model.IpdSharingInfoType.class, "Clinical Study Report (CSR)"));
    assertEquals(Optional.of(org.trialdex.core.model.MeasureDispersionType.GEOMETRIC_COEFFICIENT),
        V2Enums.parse(org.trialdex.core.model.MeasureDispersionType.class, "Geometric Coefficient of Variation"));
    assertEquals(Optional.of(org.trialdex.core.model.AnalysisDispersionType.STANDARD_ERROR_OF_MEAN),
        V2Enums.parse(org.trialdex.core.model.AnalysisDispersionType.class, "Standard Error of the Mean"));
    assertEquals(Optional.of(org.trialdex.core.model.ConfidenceIntervalNumSides.TWO_SIDED),
        V2Enums.parse(org.trialdex.core.model.ConfidenceIntervalNumSides.class, "2-Sided"));
    assertEquals(Optional.of(org.trialdex.core.model.DesignAllocation.NA),
        V2Enums.parse(org.trialdex.core.model.DesignAllocation.class, "N/A"));
  }

  @Test
  void phasesSplitCombinedValues() {
    assertEquals(Optional.of(List.of(Phase.PHASE1, Phase.PHASE2)), Phases.parse("Phase 1/Phase 2"));
    assertEquals(Optional.of(List.of(Phase.PHASE2, Phase.PHASE3)), Phases.parse("Phase 2/3"));
    assertEquals(Optional.of(List.of(Phase.PHASE1, Phase.PHASE2)), Phases.parse("Phase I/II"));
    assertEquals(Optional.of(List.of(Phase.EARLY_PHASE1)), Phases.parse("Early Phase 1"));
    assertEquals(Optional.of(List.of(Phase.NA)), Phases.parse("N/A"));
    assertEquals(Optional.of(List.of(Phase.PHASE2)), Phases.parse("PHASE2"));
    // registry page seed 004 (NCT00953485) writes its phase with Unicode roman numerals
    assertEquals(Optional.of(List.of(Phase.PHASE1, Phase.PHASE2)), Phases.parse("Phase Ⅰ/Ⅱ"));
    assertEquals(Optional.of(List.of(Phase.PHASE3, Phase.PHASE4)), Phases.parse("phase ⅲ-ⅳ"));
    assertEquals(Optional.empty(), Phases.parse("Recruiting"));
  }

  @Test
  void agesReadInAnyCaseAndWriteInV2Form() {
    assertEquals(Optional.of("14 Years"), Age.normalize("14 Years"));
    assertEquals(Optional.of("6 Months"), Age.normalize("6 months"));
    assertEquals(Optional.of("1 Year"), Age.normalize("1 year"));
    assertEquals(Optional.empty(), Age.normalize("N/A"));
    assertTrue(Age.meansNoLimit("N/A"));
    assertTrue(Age.parse("18 Years").orElseThrow().compareTo(Age.parse("200 Months").orElseThrow()) > 0);
  }

  @Test
  void enrollmentWithTypeAndThousandsSeparator() {
    var e = Enrollment.parse("1,200 participants (Anticipated)").orElseThrow();
    assertEquals(1200, e.count());
    assertEquals(EnrollmentType.ESTIMATED, e.type());
    assertEquals(EnrollmentType.ACTUAL, Enrollment.parse("40 (Actual)").orElseThrow().type());
    assertEquals(Optional.empty(), Enrollment.parse("not stated"));
  }

  @Test
  void randomTextNeverThrows() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      char[] chars = new char[random.nextInt(24)];
      for (int j = 0; j < chars.length; j++) {
        String alphabet = "0123456789/-, .()PhaseIVYearsMonthJanuary|NA_";
        chars[j] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String s = new String(chars);
      PartialDate.parse(s);
      Age.parse(s);
      Phases.parse(s);
      Enrollment.parse(s);
      V2Enums.status(s);
    }
  }
}
