package org.trialdex.core.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.testing.SharedData;

/**
 * The parse codec: what the parser read comes back equal, every kind of constraint included; bytes
 * that were cut, altered or made up are refused with {@link ParsedCriteriaCodec.DecodeException},
 * never another exception; and the fingerprint names the parser and its vocabulary. (The round trip
 * over every shared record's criteria is {@code SharedCriteriaCodecTest} in trialdex-ingest.)
 */
class ParsedCriteriaCodecTest {

  /** Written by the team to hold one of each constraint kind, in the ways registries write them. */
  static final String CRITERIA = """
      Inclusion Criteria:
      - Male or female patients aged 18 to 75 years
      - Women only
      - Steroid-refractory acute graft-versus-host disease within the last 4 weeks
      - Creatinine <= 1.5 mg/dL; ALT <= 2.5 x ULN; hemoglobin between 9 and 12 g/dL
      - ECOG performance status 0-2
      - Life expectancy of at least 12 weeks
      - At least 2 prior lines of systemic therapy
      - Women of childbearing potential must have a negative pregnancy test
      - Able to give written informed consent
      Exclusion Criteria:
      - Pregnant or breast-feeding
      - Known HIV or active hepatitis B infection
      - History of myocardial infarction or stroke within the last 6 months
      - Diabetes mellitus
      - Chemotherapy within 28 days before enrollment
      - Unable or unwilling to comply with the protocol
      """;

  private static Vocabulary vocabulary;
  private static List<ParsedCriterion> parsed;
  private static byte[] encoded;

  @BeforeAll
  static void parse() {
    vocabulary = Vocabulary.load(SharedData.terms());
    parsed = new CriterionParser(vocabulary).parseAll(CRITERIA);
    encoded = ParsedCriteriaCodec.encode(parsed);
  }

  @Test
  void everyKindOfConstraintComesBackEqual() {
    Set<Constraint.Kind> kinds = parsed.stream().flatMap(p -> p.constraints().stream()).map(Constraint::kind)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Constraint.Kind.class)));
    assertEquals(EnumSet.allOf(Constraint.Kind.class), kinds, "the fixture holds every kind");
    assertEquals(parsed, ParsedCriteriaCodec.decode(encoded));
    assertEquals(ParsedCriteriaCodec.VERSION, encoded[0]);
    // Compact: well under the criteria text's own length twice over.
    assertTrue(encoded.length < 4 * CRITERIA.length(), encoded.length + " bytes");
  }

  @Test
  void openBoundsAndNaNsSurvive() {
    Criterion item = new Criterion(Criterion.Section.UNSPECIFIED, "x", 0, 1, 2, List.of("Age:", "Labs:"));
    List<ParsedCriterion> odd = List.of(new ParsedCriterion(item, List.of(
        new Constraint.Age(new Constraint.Span(0, 1), null, false, 65.5, true),
        new Constraint.Age(new Constraint.Span(0, 1), 18.0, true, null, false),
        new Constraint.Measurement(new Constraint.Span(0, 1), Analytes.standard().byId("creatinine").orElseThrow(),
            Constraint.Comparator.LE, Double.NaN, Double.NaN, "", Constraint.Reference.NORMAL),
        new Constraint.HasCondition(new Constraint.Span(0, 1), "", List.of(), true, new Constraint.Window(null, 28.0, false), true),
        new Constraint.Assumed(new Constraint.Span(1, 1), null, false)),
        ParsedCriterion.AppliesTo.OF_REPRODUCTIVE_POTENTIAL, true),
        new ParsedCriterion(item, List.of(), ParsedCriterion.AppliesTo.EVERYONE, false));
    assertEquals(odd, ParsedCriteriaCodec.decode(ParsedCriteriaCodec.encode(odd)));
    assertEquals(List.of(), ParsedCriteriaCodec.decode(ParsedCriteriaCodec.encode(List.of())));
  }

  @Test
  void bytesCutAtAnyPointAreRefused() {
    for (int cut = 0; cut < encoded.length; cut++) {
      byte[] part = Arrays.copyOf(encoded, cut);
      assertThrows(ParsedCriteriaCodec.DecodeException.class, () -> ParsedCriteriaCodec.decode(part), "cut at " + cut);
    }
    byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
    var e = assertThrows(ParsedCriteriaCodec.DecodeException.class, () -> ParsedCriteriaCodec.decode(longer));
    assertTrue(e.getMessage().contains("after the last criterion"), e.getMessage());
  }

  @Test
  void anotherFormatVersionIsRefusedAndSaysSo() {
    byte[] other = encoded.clone();
    other[0] = (byte) (ParsedCriteriaCodec.VERSION + 1);
    var e = assertThrows(ParsedCriteriaCodec.DecodeException.class, () -> ParsedCriteriaCodec.decode(other));
    assertTrue(e.getMessage().contains("format version " + (ParsedCriteriaCodec.VERSION + 1)), e.getMessage());
  }

  @Test
  void anUnknownAnalyteIsRefusedByName() {
    Criterion item = new Criterion(Criterion.Section.INCLUSION, "zz <= 1", 0, 7, 0, List.of());
    Analytes.Analyte made = new Analytes.Analyte("zz-not-an-analyte", List.of("zz"), "", List.of(), Double.NaN, Double.NaN, Double.NaN);
    byte[] bytes = ParsedCriteriaCodec.encode(List.of(new ParsedCriterion(item, List.of(new Constraint.Measurement(new Constraint.Span(0, 7),
        made, Constraint.Comparator.LE, 1, Double.NaN, "", Constraint.Reference.ABSOLUTE)), ParsedCriterion.AppliesTo.EVERYONE, false)));
    var e = assertThrows(ParsedCriteriaCodec.DecodeException.class, () -> ParsedCriteriaCodec.decode(bytes));
    assertTrue(e.getMessage().contains("zz-not-an-analyte"), e.getMessage());
  }

  @Test
  void randomAndFlippedBytesAreRefusedOrDecodedNeverAnotherException() {
    Random random = new Random(20261130);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes;
      if (i % 2 == 0) {
        bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
          bytes[0] = ParsedCriteriaCodec.VERSION;
        }
      } else {
        bytes = encoded.clone();
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
          bytes[1 + random.nextInt(bytes.length - 1)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      try {
        ParsedCriteriaCodec.decode(bytes);
      } catch (ParsedCriteriaCodec.DecodeException expected) {
        // Refused, as it should be; a flipped bit inside a string or number may also decode.
      }
    }
    // A count far beyond the bytes is refused before anything is allocated for it.
    byte[] huge = {ParsedCriteriaCodec.VERSION, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
    var e = assertThrows(ParsedCriteriaCodec.DecodeException.class, () -> ParsedCriteriaCodec.decode(huge));
    assertTrue(e.getMessage().contains("only 0 bytes follow"), e.getMessage());
  }

  @Test
  void theFingerprintNamesTheParserAndItsVocabulary() {
    String f = new CriterionParser(vocabulary).fingerprint();
    assertTrue(f.matches("[0-9a-f]{64}"), f);
    assertEquals(f, ParsedCriteriaCodec.fingerprint(vocabulary));
    assertEquals(f, new CriterionParser(Vocabulary.load(SharedData.terms())).fingerprint(), "the same vocabulary loaded again");
    assertNotEquals(f, new CriterionParser(Vocabulary.curated()).fingerprint(), "another vocabulary");
    // Every class of the package, read from where it was loaded (here the classes folder; a jar when packaged).
    Set<String> classes = ParsedCriteriaCodec.fingerprintedClasses();
    assertTrue(classes.containsAll(Set.of("CriterionParser.class", "Constraint$Measurement.class", "CriteriaSplitter.class",
        "ParsedCriteriaCodec.class", "Evaluator.class")), classes.toString());
    assertTrue(classes.size() > 40, classes.size() + " classes");
  }
}
