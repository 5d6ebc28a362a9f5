package org.trialdex.ingest.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Phase;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.testing.SharedData;

/** Bad lines fail alone, with their line number and a reason; the lines around them still read. */
class ClassicFieldsReaderMalformedTest {

  private static final String GOOD_A = "{\"NCTId\": [\"NCT00000001\"], \"BriefTitle\": [\"A\"], \"Phase\": [\"Phase 2\"]}";
  private static final String GOOD_B = "{\"NCTId\": [\"NCT00000002\"], \"BriefTitle\": [\"B\"]}";

  @Test
  void eachKindOfBadLineFailsAloneWithItsLineAndReason() {
    var out = new ByteArrayOutputStream();
    write(out, GOOD_A);                                              // line 1: reads
    write(out, "this is not JSON");                                   // line 2
    write(out, "{\"BriefTitle\": [\"no id\"]}");                      // line 3: no NCTId
    write(out, "{\"NCTId\": [\"NCT123\"]}");                          // line 4: not an NCT number
    write(out, "{\"NCTId\": [\"NCT00000003\"], \"BriefTitle\": \"x\"}"); // line 5: reads, BriefTitle left out
    out.writeBytes("{\"NCTId\": [\"NCT00000004\"], \"BriefTitle\": [\"caf".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});         // line 6: not UTF-8
    write(out, "\"]}");
    write(out, "{\"NCTId\": [\"NCT00000005\"], \"BriefSummary\": [\"" + "x".repeat(500) + "\"]}"); // line 7: too long
    write(out, "");                                                   // line 8: blank, skipped
    write(out, "[1, 2]");                                             // line 9: not an object
    write(out, GOOD_B);                                               // line 10: reads
    List<ReadResult> results = ClassicFields.readBytes(out.toByteArray(), new ReadOptions(300));

    assertEquals(List.of(
        "read NCT00000001 line 1",
        "failed line 2: the line is not JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array,"
            + " Object or token 'null', 'true' or 'false') (column 5); each line must be one JSON object",
        "failed line 3: the record has no NCTId (the piece is missing); every record needs one NCT number to be stored",
        "failed line 4: the record has NCTId [\"NCT123\"], which is not one NCT number (NCT and 8 digits); fix the"
            + " identifier in the source",
        "read NCT00000003 line 5",
        "failed line 6: the line is not valid UTF-8: byte 0xC3 at byte 47 of the line starts no character; save the file"
            + " as UTF-8 and import it again",
        "failed line 7: record is 548 bytes, over the limit of 300 bytes (--max-record-size); it was not imported",
        "failed line 9: the line is a JSON array, not an object of classic fields; each line must be one study as"
            + " {\"NCTId\": [...], ...}",
        "read NCT00000002 line 10"),
        results.stream().map(ClassicFieldsReaderMalformedTest::describe).toList());
    var line5 = (ReadResult.Read) results.get(4);
    assertNull(line5.study().protocolSection().identificationModule().briefTitle());
    assertEquals("test.jsonl, NCT00000003, BriefTitle: is a JSON string, not a list of values; left out",
        line5.warnings().get(0).toString());
    assertEquals(List.of(Phase.PHASE2),
        ((ReadResult.Read) results.get(0)).study().protocolSection().designModule().phases());
  }

  @Test
  void anEmptyFileFailsAsAWhole() {
    List<ReadResult> results = ClassicFields.readText("");
    assertEquals(1, results.size());
    var failed = assertInstanceOf(ReadResult.Failed.class, results.get(0));
    assertEquals("test.jsonl: the file holds no records: it is empty or has only blank lines",
        failed.problem().toString());
    assertEquals(1, ClassicFields.readText("\n \r\n").size());
  }

  @Test
  void aValueThatIsNotTextDropsItsWholePieceSoListsStayAligned() {
    var read = ClassicFields.only(ClassicFields.readText("{\"NCTId\": [\"NCT00000001\"],"
        + " \"LocationCity\": [\"Oslo\", {\"x\": 1}], \"LocationCountry\": [\"Norway\", \"Sweden\"]}"));
    var locations = read.study().protocolSection().contactsLocationsModule().locations();
    assertEquals(List.of("null/Norway", "null/Sweden"), locations.stream().map(l -> l.city() + "/" + l.country()).toList());
    assertTrue(read.warnings().get(0).message().startsWith("holds {\"x\":1}, which is not a text value"));
  }

  @Test
  void unknownPiecesAreListedOnceAndCollectorKeysAreIgnored() {
    var read = ClassicFields.only(ClassicFields.readText("{\"NCTId\": [\"NCT00000001\"], \"Colour\": [\"red\"],"
        + " \"Mood\": [], \"_queries\": [\"msc\"]}"));
    assertEquals(List.of("Colour, Mood: not classic pieces this reader knows; left out. If they are registry fields,"
        + " add them to core's Pieces table"), read.warnings().stream().map(w -> w.field() + ": " + w.message()).toList());
  }

  @Test
  void valuesThatDoNotConvertAreNamedWithTheirPiece() {
    var read = ClassicFields.only(ClassicFields.readText("{\"NCTId\": [\"NCT00000001\"], \"OverallStatus\": [\"Sleeping\"],"
        + " \"StartDate\": [\"Smarch 2020\"], \"EnrollmentCount\": [\"many\"], \"BriefTitle\": [\"A\", \"B\"]}"));
    assertEquals(List.of(
        "OverallStatus: value \"Sleeping\" cannot be read as a v2 Status; left out of protocolSection.statusModule.overallStatus",
        "StartDate: value \"Smarch 2020\" cannot be read as a date; left out of protocolSection.statusModule.startDateStruct.date",
        "EnrollmentCount: value \"many\" cannot be read as a whole number; left out of protocolSection.designModule.enrollmentInfo.count",
        "BriefTitle: has 2 values where v2 holds one (A | B); left out"),
        read.warnings().stream().map(w -> w.field() + ": " + w.message()).toList());
  }

  @Test
  void contactsOfASingleLocationAreMappedAndOfSeveralAreReported() {
    var one = ClassicFields.only(ClassicFields.readText("{\"NCTId\": [\"NCT00000001\"], \"LocationCity\": [\"Oslo\"],"
        + " \"LocationContactName\": [\"Ann\", \"Bo\"]}"));
    assertEquals(2, one.study().protocolSection().contactsLocationsModule().locations().get(0).contacts().size());
    var two = ClassicFields.only(ClassicFields.readText("{\"NCTId\": [\"NCT00000001\"], \"LocationCity\": [\"Oslo\", \"Bergen\"],"
        + " \"LocationContactName\": [\"Ann\", \"Bo\"]}"));
    assertNull(two.study().protocolSection().contactsLocationsModule().locations().get(0).contacts());
    assertEquals("LocationContactName: not mapped: these values belong to the 2 elements of"
        + " protocolSection.contactsLocationsModule.locations[], and the classic export flattens them into one list"
        + " without saying which belongs to which", two.warnings().get(0).field() + ": " + two.warnings().get(0).message());
  }

  @Test
  void randomMutationsOfRealLinesNeverThrow() throws Exception {
    List<String> lines;
    try (var all = Files.lines(SharedData.mscClassic())) {
      lines = all.limit(40).toList();
    }
    Random random = new Random(20221010);
    var out = new ByteArrayOutputStream();
    int written = 0;
    for (int i = 0; i < 400; i++) {
      byte[] line = lines.get(random.nextInt(lines.size())).getBytes(StandardCharsets.UTF_8);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(line.length);
        switch (random.nextInt(4)) {
          case 0 -> line[at] = (byte) random.nextInt(256);
          case 1 -> line[at] = (byte) "[]{}\",:".charAt(random.nextInt(7));
          case 2 -> line = java.util.Arrays.copyOf(line, Math.max(1, at));
          default -> line[at] = '\n';
        }
      }
      out.writeBytes(line);
      out.write('\n');
      written++;
    }
    List<ReadResult> results = ClassicFields.readBytes(out.toByteArray(), new ReadOptions(200_000));
    assertFalse(results.isEmpty());
    assertTrue(results.size() >= written, results.size() + " results for " + written + " lines");
    for (ReadResult r : results) {
      if (r instanceof ReadResult.Failed f) {
        assertFalse(f.problem().reason().isBlank());
        assertTrue(f.problem().record().startsWith("line "), f.problem().toString());
      }
    }
  }

  private static void write(ByteArrayOutputStream out, String line) {
    out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  private static String describe(ReadResult r) {
    return switch (r) {
      case ReadResult.Read read -> "read " + read.nctId() + " " + read.provenance().position();
      case ReadResult.Failed f -> "failed " + f.problem().record() + ": " + f.problem().reason();
    };
  }
}
