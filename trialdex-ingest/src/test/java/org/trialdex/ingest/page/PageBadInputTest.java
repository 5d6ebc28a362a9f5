package org.trialdex.ingest.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.ingest.page.PageFixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceFormat;

/** Bad and odd input: never an exception, always a result that says what happened. */
class PageBadInputTest {

  private static ReadResult.Failed failed(List<ReadResult> rs) {
    assertEquals(1, rs.size(), rs.toString());
    return assertInstanceOf(ReadResult.Failed.class, rs.get(0));
  }

  @Test
  void anEmptyFileFailsSayingItIsEmpty() {
    assertEquals("empty.txt: the page is empty; a registry page needs at least a title and trial fields",
        failed(read("empty.txt", "")).problem().toString());
    assertTrue(failed(read("blank.txt", " \n\n \t")).problem().reason().startsWith("the page is empty"));
  }

  @Test
  void binaryJunkFailsAsBinary() {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    assertEquals("binary data, not the text or HTML of a registry page",
        failed(read("junk.bin", junk, ReadOptions.defaults())).problem().reason());
  }

  @Test
  void aLetterThatIsNotATrialFailsSayingSo() {
    ReadResult.Failed f = failed(read("notes.txt", "Dear colleague, the trial we discussed is going well.\nBest regards,\nAnna"));
    assertTrue(f.problem().reason().startsWith("the page does not look like a trial record: no line that reads as a trial's title, no registry id and 0 trial value(s)"),
        f.problem().reason());
  }

  @Test
  void aPageOfAnUnknownLayoutGivesWhatItsLabelsSayAndWarnsAboutTheRest() {
    String page = """
        Cell therapy for knee cartilage
        Study Design
        Kangaroo protocol with three visits
        Status: Recruiting
        Enrollment: about a hundred people
        Phase: 2
        """;
    ReadResult.Read r = one("odd.txt", page);
    var ps = r.study().protocolSection();
    assertEquals("RECRUITING", ps.statusModule().overallStatus().name());
    assertEquals("[PHASE2]", ps.designModule().phases().toString());
    assertEquals(null, ps.designModule().enrollmentInfo());
    assertEquals(List.of(
        "Study Design: the line \"Kangaroo protocol with three visits\" under this heading has no label and no value type this reader knows; left out",
        "Enrollment: the value \"about a hundred people\" could not be read as an enrollment count; left out"),
        r.warnings().stream().map(w -> w.field() + ": " + w.message()).toList());
    assertTrue(r.provenance().attribute(PageReader.CONTENT_ID).matches("TDX-[0-9a-f]{16}"));
  }

  @Test
  void twoPagesPastedIntoOneFileGiveTwoRecords() {
    List<ReadResult> rs = read("two.txt", seedText(SEED_001) + "\n" + seedText(SEED_003));
    assertEquals(2, rs.size(), rs.toString());
    ReadResult.Read first = assertInstanceOf(ReadResult.Read.class, rs.get(0));
    ReadResult.Read second = assertInstanceOf(ReadResult.Read.class, rs.get(1));
    assertEquals("NCT01763086 page 1", first.nctId() + " " + first.provenance().position());
    assertEquals("NCT06321198 page 2", second.nctId() + " " + second.provenance().position());
    // spans of the second page are offsets into the whole file
    String text = seedText(SEED_001) + "\n" + seedText(SEED_003);
    assertEquals("NCT06321198", spanText(second, text, "identificationModule.nctId"));

    // Pages without ids are told apart by their title line coming again.
    List<ReadResult> same = read("twice.txt", seedText(SEED_004) + "\n\n" + seedText(SEED_004));
    assertEquals(2, same.size());
    assertEquals(((ReadResult.Read) same.get(0)).provenance().attribute(PageReader.CONTENT_ID),
        ((ReadResult.Read) same.get(1)).provenance().attribute(PageReader.CONTENT_ID));
  }

  @Test
  void aPageOverTheRecordLimitFailsAsTooLarge() {
    byte[] big = ("Status: Recruiting\n" + "x".repeat(100)).repeat(1).getBytes(StandardCharsets.UTF_8);
    ReadOptions small = new ReadOptions(64);
    assertEquals(small.tooLarge(big.length), failed(read("big.txt", big, small)).problem().reason());
  }

  @Test
  void aFiftyMegabytePageIsRefusedByDefaultAndReadInOnePassWhenAllowed() {
    StringBuilder sb = new StringBuilder(seedText(SEED_002));
    String filler = "Patients with a very long line of criteria text that goes on (and on) without end: 1, 2, 3; "
        + "Time Frame: 12 weeks [ up to ] Name Time Method ** \\^ 🇨🇳 x@y.z +86 123456 Phase 2\n";
    while (sb.length() < 50 * 1024 * 1024) {
      sb.append(filler);
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertEquals(ReadOptions.defaults().tooLarge(bytes.length),
        failed(read("50mb.txt", bytes, ReadOptions.defaults())).problem().reason());
    List<ReadResult> allowed = read("50mb.txt", bytes, new ReadOptions(64L * 1024 * 1024));
    assertEquals(1, allowed.size());
    assertEquals("NCT03219801", assertInstanceOf(ReadResult.Read.class, allowed.get(0)).nctId());
  }

  @Test
  void mutatedAndTruncatedPagesAndRandomTextAlwaysGiveAResult() {
    Random random = new Random(20240611L);
    List<String> seeds = List.of(seedText(SEED_000), seedText(SEED_001), seedText(SEED_002), seedText(SEED_003),
        seedText(SEED_004));
    String alphabet = "abcXYZ019 :\n\t-*•○◦1.)([]🇨🇳\\^#|@+,;Phase Status Inclusion Criteria: Time Frame:";
    // A fixed number of cases (no clock): each case must return, never throw.
    for (int i = 0; i < 400; i++) {
      String base = seeds.get(random.nextInt(seeds.size()));
      StringBuilder sb = new StringBuilder(base.substring(0, random.nextInt(base.length() + 1)));
      int edits = random.nextInt(40);
      for (int e = 0; e < edits && !sb.isEmpty(); e++) {
        int at = random.nextInt(sb.length());
        switch (random.nextInt(4)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 2 -> sb.insert(at, '\n');
          default -> {
            int from = random.nextInt(base.length());
            sb.insert(at, base, from, Math.min(base.length(), from + 1 + random.nextInt(80)));
          }
        }
      }
      if (i % 5 == 0) {
        sb.setLength(0);
        int n = random.nextInt(3000);
        for (int k = 0; k < n; k++) {
          sb.appendCodePoint(random.nextInt(4) == 0 ? alphabet.codePointAt(0) + random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      List<ReadResult> rs = read("fuzz-" + i + ".txt", sb.toString());
      assertFalse(rs.isEmpty(), "case " + i);
      for (ReadResult r : rs) {
        if (r instanceof ReadResult.Failed f) {
          assertFalse(f.problem().reason().contains("please report"), "case " + i + ": " + f.problem());
        }
      }
    }
  }

  @Test
  void detectionSendsPagesAndHtmlToThePageReaderAndLettersNowhere() {
    for (String seed : List.of(SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)) {
      byte[] b = seedText(seed).getBytes(StandardCharsets.UTF_8);
      assertEquals(new SourceFormat.Detection.Known(SourceFormat.REGISTRY_PAGE), SourceFormat.detect(b, b.length), seed);
    }
    byte[] html = "<!DOCTYPE html><html><body><h1>A trial</h1></body></html>".getBytes(StandardCharsets.UTF_8);
    assertEquals(new SourceFormat.Detection.Known(SourceFormat.REGISTRY_PAGE), SourceFormat.detect(html, html.length));
    byte[] letter = "Dear colleague, the trial ...".getBytes(StandardCharsets.UTF_8);
    assertInstanceOf(SourceFormat.Detection.Unknown.class, SourceFormat.detect(letter, letter.length));
  }
}
