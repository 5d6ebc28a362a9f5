package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.Criterion.Section;

/**
 * Each layout registries write criteria in, written out by hand after real records (the record each
 * is modelled on is named), with the items a reader sees.
 */
class CriteriaSplitterTest {

  private static List<String> texts(List<Criterion> items, Section section) {
    return items.stream().filter(c -> c.section() == section).map(Criterion::text).toList();
  }

  @Test
  void apiV2StarBulletsUnderHeadings() {
    String text = """
        Inclusion Criteria:

        * Age 18 years or older
        * Histologically confirmed non-small cell lung cancer

        Exclusion Criteria:

        * Pregnant or breastfeeding women
        * Prior treatment with a PD-1 inhibitor""";
    List<Criterion> items = CriteriaSplitter.split(text);
    assertEquals(List.of("Age 18 years or older", "Histologically confirmed non-small cell lung cancer"),
        texts(items, Section.INCLUSION));
    assertEquals(List.of("Pregnant or breastfeeding women", "Prior treatment with a PD-1 inhibitor"),
        texts(items, Section.EXCLUSION));
    for (Criterion c : items) {
      assertEquals(c.text(), text.substring(c.start(), c.end()), "a one-line item's span is its text");
    }
  }

  @Test
  void legacyXmlDashesWithWrappedLinesAndCarriageReturns() {
    // As NCT00003473's XML gives it (\r\n, dashes, wrapped lines indented under the item).
    String text = "\r\n        Inclusion Criteria:\r\n\r\n          -  Histologically confirmed incurable primary"
        + " mixed glioma that is recurrent or\r\n             refractory following standard therapy\r\n\r\n"
        + "          -  Tumor must be at least 5 mm\r\n\r\n        Exclusion Criteria:\r\n\r\n"
        + "          -  No known chronic heart failure\r\n      ";
    List<Criterion> items = CriteriaSplitter.split(text);
    assertEquals(List.of("Histologically confirmed incurable primary mixed glioma that is recurrent or refractory "
        + "following standard therapy", "Tumor must be at least 5 mm"), texts(items, Section.INCLUSION));
    assertEquals(List.of("No known chronic heart failure"), texts(items, Section.EXCLUSION));
    assertTrue(text.substring(items.getFirst().start(), items.getFirst().end()).endsWith("standard therapy"));
  }

  @Test
  void pdqLeadInsGiveTheirItemsContext() {
    // The PDQ layout of the old cancer records: lead-ins ending with a colon, items under them.
    String text = """
        DISEASE CHARACTERISTICS:

          -  Histologically confirmed glioma

        PATIENT CHARACTERISTICS:

        Age:

          -  18 and over

        Performance status:

          -  Karnofsky 60-100%""";
    List<Criterion> items = CriteriaSplitter.split(text);
    assertEquals(List.of("Histologically confirmed glioma", "18 and over", "Karnofsky 60-100%"),
        items.stream().map(Criterion::text).toList());
    assertEquals(List.of("DISEASE CHARACTERISTICS:"), items.get(0).context());
    assertEquals(List.of("PATIENT CHARACTERISTICS:", "Age:"), items.get(1).context());
    assertEquals(List.of("PATIENT CHARACTERISTICS:", "Performance status:"), items.get(2).context());
    assertTrue(items.stream().allMatch(c -> c.section() == Section.UNSPECIFIED));
  }

  @Test
  void classicFieldLinesWithoutMarkersAreOneItemEach() {
    // NCT00976287 in the classic field records: the markers were stripped, one item per line.
    String text = "Inclusion Criteria:\n\nAge 18-70 years.\nImaging evidences of liver cirrhosis.\nChild-Plough score of"
        + " 10 or more.\n\nExclusion Criteria:\n\nLiver tumor on ultrasonography, CT or MRI examination.\nComa.";
    List<Criterion> items = CriteriaSplitter.split(text);
    assertEquals(3, texts(items, Section.INCLUSION).size());
    assertEquals(List.of("Liver tumor on ultrasonography, CT or MRI examination.", "Coma."),
        texts(items, Section.EXCLUSION));
  }

  @Test
  void unmarkedLowerCaseLinesAreItemsUnlessTheLineAboveWrapped() {
    // NCT02893306 in the classic field records: one item per line, several starting in lower case.
    String text = "Inclusion Criteria:\n\ndifferential diagnosis of Type 1 Diabetes\ndiagnosed performed at most 1 year before"
        + " enrollment\npancreatic reserve of insulin higher than 0.8 nmol/L/h\ngood general health status\ninformed consent of"
        + " patient\nconsent of treating physician\nproved psychiatric competence to be enrolled in a clinical study\n\n"
        + "Exclusion Criteria:\n\npregnancy\nsignificant comorbidities";
    List<Criterion> items = CriteriaSplitter.split(text);
    assertEquals(List.of("differential diagnosis of Type 1 Diabetes", "diagnosed performed at most 1 year before enrollment",
        "pancreatic reserve of insulin higher than 0.8 nmol/L/h", "good general health status", "informed consent of patient",
        "consent of treating physician", "proved psychiatric competence to be enrolled in a clinical study"),
        texts(items, Section.INCLUSION));
    assertEquals(List.of("pregnancy", "significant comorbidities"), texts(items, Section.EXCLUSION));
    // Text wrapped at a width: the lower-case line continues the one that filled the width, and a
    // line that ends on a word asking for more is continued whatever its length.
    String wrapped = "Inclusion Criteria:\nPatients with a confirmed diagnosis of steroid refractory\nacute graft versus host disease"
        + " of\ngrade II to IV\nPatients with\nnormal renal function";
    assertEquals(List.of("Patients with a confirmed diagnosis of steroid refractory acute graft versus host disease of grade II to IV",
        "Patients with normal renal function"), texts(CriteriaSplitter.split(wrapped), Section.INCLUSION));
  }

  @Test
  void numbersLettersNestingAndTheFirstItemOnTheHeadingLine() {
    String text = """
        Inclusion Criteria: 1. Age 18 to 65 years
        2. Adequate organ function defined as:
           a) ALT < 2.5 x ULN
           b) Creatinine clearance > 60 mL/min
        3. Signed informed consent
        Exclusion criteria - (1) Active hepatitis B
        (2) HIV infection""";
    List<Criterion> items = CriteriaSplitter.split(text);
    assertEquals(List.of("Age 18 to 65 years", "Adequate organ function defined as:", "ALT < 2.5 x ULN",
        "Creatinine clearance > 60 mL/min", "Signed informed consent"), texts(items, Section.INCLUSION));
    assertEquals(List.of(0, 0, 1, 1, 0), items.stream().filter(c -> c.section() == Section.INCLUSION)
        .map(Criterion::depth).toList());
    assertEquals(List.of("Active hepatitis B", "HIV infection"), texts(items, Section.EXCLUSION));
  }

  @Test
  void runOnNumberingGluedIntoOneLineIsSplit() {
    String text = "Inclusion criteria: 1. Patients aged 18-75. 2. Steroid-refractory aGVHD grade II-IV. "
        + "3. ECOG 0-2. Exclusion criteria: 1. Pregnancy. 2. Uncontrolled infection.";
    List<Criterion> items = CriteriaSplitter.split(text.replace(" Exclusion criteria:", "\nExclusion criteria:"));
    assertEquals(List.of("Patients aged 18-75.", "Steroid-refractory aGVHD grade II-IV.", "ECOG 0-2."),
        texts(items, Section.INCLUSION));
    assertEquals(List.of("Pregnancy.", "Uncontrolled infection."), texts(items, Section.EXCLUSION));
  }

  @Test
  void otherHeadingsAndNotHeadings() {
    List<Criterion> items = CriteriaSplitter.split("""
        Protocol 260 Inclusion Criteria:
        Participant must be 18 to 70 years of age inclusive.
        Inclusion of women and minorities is encouraged.
        Patients will be excluded if:
        • Prior MSC therapy
        •.Medically unfit""");
    assertEquals(List.of("Participant must be 18 to 70 years of age inclusive.",
        "Inclusion of women and minorities is encouraged."), texts(items, Section.INCLUSION));
    assertEquals(List.of("Prior MSC therapy", "Medically unfit"), texts(items, Section.EXCLUSION));
  }

  @Test
  void abbreviationsAreNotMarkers() {
    List<Criterion> items = CriteriaSplitter.split("Inclusion Criteria:\n* Autoimmune disease, e.g. lupus\n"
        + "e.g. rheumatoid arthritis is allowed");
    assertEquals(List.of("Autoimmune disease, e.g. lupus e.g. rheumatoid arthritis is allowed"),
        texts(items, Section.INCLUSION));
  }

  @Test
  void hostileTextGivesItemsOrNothingNeverAnError() {
    assertEquals(List.of(), CriteriaSplitter.split(null));
    assertEquals(List.of(), CriteriaSplitter.split(" \n\r\n\t"));
    assertEquals(List.of(), CriteriaSplitter.split("Inclusion Criteria:\n\nExclusion Criteria:\n"));
    Random random = new Random(9);
    String alphabet = "ab1.)(-*•:\n\r \tInclusion Criteria";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(200); j > 0; j--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      for (Criterion c : CriteriaSplitter.split(text)) {
        assertTrue(!c.text().isBlank() && c.end() <= text.length(), () -> "bad item " + c + " of " + text);
      }
    }
  }
}
