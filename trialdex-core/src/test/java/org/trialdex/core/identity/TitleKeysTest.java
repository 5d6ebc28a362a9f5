package org.trialdex.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TitleKeysTest {

  @Test
  void caseAccentCompositionPunctuationAndSpacingDoNotCountEveryLetterAndDigitDoes() {
    assertEquals(Optional.of("sjögren s syndrome pss"), TitleKeys.key("Sjögren's Syndrome (pSS)"));
    // "o" followed by a combining diaeresis composes to "ö" under NFKC.
    assertEquals(Optional.of("sjögren s syndrome pss"), TitleKeys.key("  SJO\u0308GREN S   syndrome -- PSS."));
    assertEquals(Optional.of("phase 2 mscs"), TitleKeys.key("Phase 2 MSCs"));
    assertTrue(!TitleKeys.key("Phase 2 MSCs").equals(TitleKeys.key("Phase 3 MSCs")));
  }

  @Test
  void aRealTitleWithRomanNumeralCharactersKeysToPlainLetters() {
    // NCT02778893 writes its phase with U+2163 ROMAN NUMERAL FOUR, NCT06924710 its stages with
    // U+2160 and U+2161; a page typed by hand writes I, II and IV.
    TitleKeys conmana = TitleKeys.of(Sample.record("NCT02778893"));
    assertEquals(Optional.of("conmana combined with thalidomide to treat nsclc"), conmana.brief());
    assertEquals(Optional.of("a phase iv open multicenter single arm study to evaluate the efficacy of the"
        + " combination conmana with thalidomide in patients with nsclc non small cell lung cancer"), conmana.official());
    assertEquals(Optional.of("adaptive therapy for resected stage ia2 ii nsclc patients with undetectable mrd"),
        TitleKeys.of(Sample.record("NCT06924710")).brief());
    assertEquals(TitleKeys.of(Sample.record("NCT06924710")).brief(),
        TitleKeys.key("Adaptive therapy for resected stage IA2-II NSCLC patients with undetectable MRD"));
  }

  @Test
  void absentBlankAndPunctuationOnlyTitlesHaveNoKey() {
    assertEquals(Optional.empty(), TitleKeys.key(null));
    assertEquals(Optional.empty(), TitleKeys.key("   "));
    assertEquals(Optional.empty(), TitleKeys.key("-- (…) --"));
    assertEquals(new TitleKeys(Optional.empty(), Optional.empty()), TitleKeys.of(Sample.page(null, null)));
  }

  @Test
  void titlesMatchWhenBriefKeysAreEqualAndOfficialKeysAgreeWhereBothAreKnown() {
    TitleKeys registry = TitleKeys.of(Sample.record("NCT02369484"));
    TitleKeys sameBoth = TitleKeys.of(Sample.page("AFATINIB in NSCLC with HER2-mutation",
        "Afatinib in pretreated patients with advanced NSCLC harbouring HER2 exon 20 mutations."));
    TitleKeys briefOnly = TitleKeys.of(Sample.page("Afatinib in NSCLC With HER2 Mutation", null));
    TitleKeys otherOfficial = TitleKeys.of(Sample.page("Afatinib in NSCLC With HER2 Mutation",
        "Afatinib in Pretreated Patients With Advanced NSCLC Harbouring HER2 Exon 19 Mutations"));
    TitleKeys officialOnly = TitleKeys.of(Sample.page(null,
        "Afatinib in Pretreated Patients With Advanced NSCLC Harbouring HER2 Exon 20 Mutations"));

    assertTrue(registry.match(sameBoth));
    assertTrue(registry.match(briefOnly), "a missing official title does not veto");
    assertTrue(briefOnly.match(registry));
    assertFalse(registry.match(otherOfficial), "both official titles known and different");
    assertFalse(registry.match(officialOnly), "without a brief title nothing matches");
    assertFalse(officialOnly.match(officialOnly));
  }
}
