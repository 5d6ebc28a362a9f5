package org.trialdex.ingest.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.ReadWarning;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.testing.SharedData;

/** Entries that are not good records: each is one Failed with a reason, or a Read with warnings. */
class LegacyXmlReaderBadInputTest {

  private static final String MINIMAL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <clinical_study>
        <id_info><nct_id>%s</nct_id></id_info>
        <brief_title>A small study the team wrote</brief_title>
        %s
      </clinical_study>
      """;

  private final LegacyXmlReader reader = new LegacyXmlReader();

  @Test
  void truncatedXmlFailsWithLineAndColumn() {
    String xml = MINIMAL.formatted("NCT01234567", "").substring(0, 120);
    String reason = failure(xml.getBytes(StandardCharsets.UTF_8), -1, ReadOptions.defaults());
    assertTrue(reason.startsWith("not well-formed XML at line "), reason);
    assertTrue(reason.contains(", column "), reason);
  }

  @Test
  void anotherRootElementFails() {
    assertEquals("the root element is <study>, not <clinical_study>; this is not a legacy ClinicalTrials.gov study record",
        failure("<study><nct_id>NCT01234567</nct_id></study>".getBytes(StandardCharsets.UTF_8), -1, ReadOptions.defaults()));
  }

  @Test
  void anInvalidNctIdFailsNamingIt() {
    ReadResult.Failed f = failed(MINIMAL.formatted("NCT123", "").getBytes(StandardCharsets.UTF_8), -1, ReadOptions.defaults());
    assertEquals("NCT123", f.problem().record());
    assertEquals("the NCT id 'NCT123' is not NCT followed by 8 digits; fix <id_info><nct_id>", f.problem().reason());
  }

  @Test
  void aMissingNctIdFails() {
    assertEquals("the record has no <id_info><nct_id>; a study needs its NCT id",
        failure("<clinical_study><brief_title>x</brief_title></clinical_study>".getBytes(StandardCharsets.UTF_8), -1,
            ReadOptions.defaults()));
  }

  @Test
  void nonUtf8BytesFailWithTheOffset() {
    byte[] latin1 = MINIMAL.formatted("NCT01234567", "<acronym>Zürich</acronym>").getBytes(StandardCharsets.ISO_8859_1);
    String reason = failure(latin1, latin1.length, ReadOptions.defaults());
    assertTrue(reason.startsWith("the bytes are not UTF-8 (the first bad byte is at offset "), reason);
  }

  @Test
  void anEntryOverTheLimitFailsBeforeParsingWhenItsSizeIsKnown() {
    ReadOptions small = new ReadOptions(100);
    // The stream is not even valid XML: the size alone decides.
    assertEquals(small.tooLarge(5000), failure(new byte[] {'x'}, 5000, small));
  }

  @Test
  void anEntryOverTheLimitFailsWhenItsSizeIsUnknown() throws IOException {
    byte[] pallas = Files.readAllBytes(SharedData.pallasXml());
    ReadOptions small = new ReadOptions(10_000);
    assertEquals(small.tooLarge(pallas.length), failure(pallas, -1, small));
  }

  @Test
  void aDoctypeIsRefusedSoNoExternalEntityIsEverRead() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE clinical_study [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info><brief_title>&x;</brief_title></clinical_study>
        """;
    String reason = failure(xxe.getBytes(StandardCharsets.UTF_8), -1, ReadOptions.defaults());
    assertTrue(reason.startsWith("not well-formed XML at line 2"), reason);
    assertTrue(reason.contains("DOCTYPE"), reason);
  }

  @Test
  void anElementTheModelHasNoPlaceForBecomesAWarningNamingIt() {
    ReadResult.Read read = read(MINIMAL.formatted("NCT01234567",
        "<favourite_colour>blue</favourite_colour><phase>Phase 9</phase>"));
    assertEquals(List.of(
        new ReadWarning("entry.xml", "NCT01234567", "clinical_study/phase", "'Phase 9' is not a phase; left out"),
        new ReadWarning("entry.xml", "NCT01234567", "clinical_study/favourite_colour",
            "not mapped: the v2 model has no place for this element (value 'blue')")), read.warnings());
    assertEquals("A small study the team wrote", read.study().protocolSection().identificationModule().briefTitle());
  }

  @Test
  void unknownEnumSpellingsAndUnreadableDatesAreWarnedAboutAndLeftOut() {
    ReadResult.Read read = read(MINIMAL.formatted("NCT01234567",
        "<overall_status>Sleeping</overall_status><start_date type=\"Actual\">someday</start_date>"));
    assertEquals(List.of(
        "clinical_study/overall_status: 'Sleeping' is not a Status value; left out",
        "clinical_study/start_date: 'someday' is not a date; left out"),
        read.warnings().stream().map(w -> w.field() + ": " + w.message()).toList());
    assertEquals(null, read.study().protocolSection().statusModule());
  }

  @Test
  void randomBytesAndMutatedRecordsNeverThrow() throws IOException {
    byte[] pallas = Files.readAllBytes(SharedData.pallasXml());
    Random random = new Random(20240611L);
    int failed = 0;
    for (int i = 0; i < 300; i++) {
      byte[] input;
      if (i % 3 == 0) {
        input = new byte[random.nextInt(2000)];
        random.nextBytes(input);
      } else {
        input = pallas.clone();
        for (int k = 0; k < 1 + random.nextInt(20); k++) {
          int at = random.nextInt(input.length);
          input[at] = (i % 3 == 1) ? (byte) random.nextInt(256) : (byte) "<>&\"/ a1".charAt(random.nextInt(8));
        }
        if (random.nextBoolean()) {
          input = java.util.Arrays.copyOf(input, random.nextInt(input.length));
        }
      }
      List<ReadResult> results = reader.read(entry(input, -1), ReadOptions.defaults()).toList();
      assertEquals(1, results.size());
      if (results.getFirst() instanceof ReadResult.Failed f) {
        failed++;
        assertFalse(f.problem().reason().isBlank());
      }
    }
    assertTrue(failed >= 100, "at least the 100 random-byte inputs fail, " + failed + " did");
  }

  private ReadResult.Read read(String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    ReadResult r = reader.read(entry(bytes, bytes.length), ReadOptions.defaults()).findFirst().orElseThrow();
    return assertInstanceOf(ReadResult.Read.class, r, r::toString);
  }

  private ReadResult.Failed failed(byte[] bytes, long size, ReadOptions options) {
    ReadResult r = reader.read(entry(bytes, size), options).findFirst().orElseThrow();
    ReadResult.Failed f = assertInstanceOf(ReadResult.Failed.class, r, r::toString);
    assertEquals("entry.xml", f.problem().file());
    return f;
  }

  private String failure(byte[] bytes, long size, ReadOptions options) {
    return failed(bytes, size, options).problem().reason();
  }

  private static SourceEntry entry(byte[] bytes, long size) {
    return new SourceEntry("entry.xml", size, new ByteArrayInputStream(bytes));
  }
}
