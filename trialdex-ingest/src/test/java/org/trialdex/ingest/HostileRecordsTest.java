package org.trialdex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.ingest.ctgov.V2JsonReader;
import org.trialdex.ingest.legacy.LegacyXmlReader;
import org.trialdex.ingest.page.PageReader;

/**
 * Hostile records fail alone, naming file, record and a reason with its place, in every reader
 * (issue #12): nesting past the limit, text that is not Unicode (lone surrogates), and values of the
 * wrong JSON type. The records around them still read.
 */
class HostileRecordsTest {

  /** 1,001 levels once inside a record's top-level object. */
  private static final String DEEP = "[".repeat(1000) + "]".repeat(1000);

  private static String v2(String nct, String more) {
    return "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + nct + "\",\"briefTitle\":\"t\"}" + more + "}}";
  }

  private static List<String> read(StudyReader reader, String name, String text) {
    return read(reader, name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> read(StudyReader reader, String name, byte[] bytes) {
    try (var results = reader.read(new SourceEntry(name, bytes.length, new ByteArrayInputStream(bytes)), ReadOptions.defaults())) {
      return results.map(r -> switch (r) {
        case ReadResult.Read ok -> "read " + ok.recordId();
        case ReadResult.Failed f -> "failed " + f.problem();
      }).toList();
    }
  }

  @Test
  void aClassicLineNestedTooDeepFailsAloneWithItsColumn() {
    // Before: a NullPointerException from the parser's missing location stopped the whole import.
    String text = "{\"NCTId\":[\"NCT00000001\"]}\n{\"NCTId\":[\"NCT00000002\"],\"X\":" + DEEP + "}\n{\"NCTId\":[\"NCT00000003\"]}\n";
    assertEquals(List.of("read NCT00000001",
        "failed f.jsonl, line 2: the line is refused: nested deeper than 1000 levels of objects and arrays (column 1030)",
        "read NCT00000003"), read(new ClassicFieldsReader(), "f.jsonl", text));
  }

  @Test
  void aClassicLineWithALoneSurrogateFailsNamingThePiece() {
    String text = "{\"NCTId\":[\"NCT00000001\"],\"BriefTitle\":[\"ok\",\"bad \\udfff\"]}\n{\"NCTId\":[\"NCT00000002\"]}\n";
    assertEquals(List.of("failed f.jsonl, line 1: the line is refused: the text at BriefTitle[1] holds a lone"
            + " surrogate (\\uDFFF at character 5), which is not Unicode text; fix the escape in the source (column 45)",
        "read NCT00000002"), read(new ClassicFieldsReader(), "f.jsonl", text));
  }

  @Test
  void v2NdjsonLinesFailAloneForNestingTextAndTypes() {
    String text = v2("NCT00000001", "") + "\n"
        + v2("NCT00000002", ",\"x\":" + DEEP) + "\n"
        + v2("NCT00000003", ",\"statusModule\":{\"overallStatus\":7}") + "\n"
        + v2("NCT00000004", "").replace("\"t\"", "\"\\udfff\"") + "\n"
        + v2("NCT00000005", ",\"designModule\":{\"enrollmentInfo\":{\"count\":\"12\"}}") + "\n"
        + v2("NCT00000006", "") + "\n";
    List<String> results = read(new V2JsonReader(), "f.ndjson", text);
    assertEquals(6, results.size(), results.toString());
    assertEquals("read NCT00000001", results.get(0));
    assertEquals("failed f.ndjson, line 2: invalid value at protocolSection.x at line 1, column 1088: nested deeper"
        + " than 1000 levels of objects and arrays", results.get(1));
    assertTrue(results.get(2).startsWith("failed f.ndjson, NCT00000003 (line 3): invalid value at"
        + " protocolSection.statusModule.overallStatus at line 1, column 117: expected text, one of"), results.get(2));
    assertTrue(results.get(2).endsWith(", found the number 7"), results.get(2));
    assertEquals("failed f.ndjson, NCT00000004 (line 4): invalid text at line 1, column 80: the text at"
        + " protocolSection.identificationModule.briefTitle holds a lone surrogate (\\uDFFF at character 1), which is"
        + " not Unicode text; fix the escape in the source", results.get(3));
    assertEquals("failed f.ndjson, NCT00000005 (line 5): invalid value at"
        + " protocolSection.designModule.enrollmentInfo.count at line 1, column 127: expected a whole number, found"
        + " the text \"12\"", results.get(4));
    assertEquals("read NCT00000006", results.get(5));
  }

  @Test
  void inAnArrayABadValueFailsItsRecordAndTheNextRecordsStillRead() {
    String text = "[" + v2("NCT00000001", "") + ","
        + v2("NCT00000002", "").replace("\"t\"", "\"\\ud800!\"") + ","
        + v2("NCT00000003", ",\"statusModule\":{\"overallStatus\":7}") + ","
        + v2("NCT00000004", "") + "]";
    List<String> results = read(new V2JsonReader(), "f.json", text);
    assertEquals(4, results.size(), results.toString());
    assertEquals("read NCT00000001", results.get(0));
    assertTrue(results.get(1).startsWith("failed f.json, record 2: invalid text at line 1, column"), results.get(1));
    assertTrue(results.get(1).contains("protocolSection.identificationModule.briefTitle holds a lone surrogate"), results.get(1));
    assertTrue(results.get(2).startsWith("failed f.json, record 3: invalid value at"
        + " protocolSection.statusModule.overallStatus at line 1, column"), results.get(2));
    assertEquals("read NCT00000004", results.get(3));
  }

  @Test
  void inAnArrayNestingTooDeepEndsTheFileWithItsPlace() {
    // Past the limit the parser cannot find the record's end, as after a syntax error.
    String text = "[" + v2("NCT00000001", "") + "," + v2("NCT00000002", ",\"x\":" + DEEP) + "," + v2("NCT00000003", "") + "]";
    assertEquals(List.of("read NCT00000001", "failed f.json, record 2: invalid value at protocolSection.x at line 1,"
        + " column 1174: nested deeper than 1000 levels of objects and arrays; records after this point were not read"),
        read(new V2JsonReader(), "f.json", text));
  }

  @Test
  void aSingleV2ObjectNamesThePathOfItsBadText() {
    assertEquals(List.of("failed f.json, record 1: nested deeper than 1000 levels of objects and arrays at line 1,"
        + " column 1088; records after this point were not read"),
        read(new V2JsonReader(), "f.json", v2("NCT00000001", ",\"x\":" + DEEP)));
    assertEquals(List.of("failed f.json, NCT00000001 (record 1): invalid text: the text at"
        + " protocolSection.identificationModule.briefTitle holds a lone surrogate (\\uDFFF at character 1), which is"
        + " not Unicode text; fix the escape in the source"),
        read(new V2JsonReader(), "f.json", v2("NCT00000001", "").replace("\"t\"", "\"\\udfff\"")));
  }

  @Test
  void legacyXmlNestedTooDeepFailsWithItsPlace() {
    String xml = "<clinical_study><id_info><nct_id>NCT00000001</nct_id></id_info>"
        + "<x>".repeat(1001) + "</x>".repeat(1001) + "</clinical_study>";
    assertEquals(List.of("failed s.xml: elements nested deeper than 1000 levels at line 1, column 3063; a study"
        + " record nests a few levels only"), read(new LegacyXmlReader(), "s.xml", xml));
  }

  @Test
  void legacyXmlCannotSpellALoneSurrogate() {
    String xml = "<clinical_study><id_info><nct_id>NCT00000001</nct_id></id_info><brief_title>a &#xDFFF;</brief_title></clinical_study>";
    assertTrue(read(new LegacyXmlReader(), "s.xml", xml).get(0).startsWith(
        "failed s.xml: not well-formed XML at line 1, column 87: Character reference \"&#xDFFF\""));
    // A surrogate encoded as UTF-8 bytes (CESU-8) is not UTF-8.
    byte[] cesu = "<clinical_study><id_info><nct_id>NCT00000001</nct_id></id_info><brief_title>a ?</brief_title></clinical_study>"
        .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[cesu.length + 2];
    int q = new String(cesu, StandardCharsets.UTF_8).indexOf('?');
    System.arraycopy(cesu, 0, bytes, 0, q);
    bytes[q] = (byte) 0xED;
    bytes[q + 1] = (byte) 0xBF;
    bytes[q + 2] = (byte) 0xBF;
    System.arraycopy(cesu, q + 1, bytes, q + 3, cesu.length - q - 1);
    assertTrue(read(new LegacyXmlReader(), "s.xml", bytes).get(0).startsWith("failed s.xml: the bytes are not UTF-8"));
  }

  @Test
  void aPageWhoseCharacterReferenceIsALoneSurrogateIsRefused() {
    // jsoup decodes &#xDFFF; to a lone surrogate, which was stored and then broke export.
    String html = "<html><body><h1>A trial of things</h1><p>NCT Number: NCT00000015</p><p>Status: Recruiting</p>"
        + "<p>Phase: Phase 2</p><p>Conditions: Asthma &#xDFFF; x</p></body></html>";
    List<String> results = read(new PageReader(), "p.html", html);
    assertEquals(1, results.size());
    assertTrue(results.get(0).startsWith("failed p.html, page 1: the values read from the page do not fit the v2 model:"
        + " invalid text: the text at protocolSection.conditionsModule.conditions[0] holds a lone surrogate"), results.get(0));
    // Bytes that encode a surrogate are decoded to U+FFFD, never to a lone surrogate.
    byte[] bytes = html.replace("&#xDFFF;", "\u0000\u0000\u0000").getBytes(StandardCharsets.UTF_8);
    int at = html.indexOf("&#xDFFF;");
    bytes[at] = (byte) 0xED;
    bytes[at + 1] = (byte) 0xBF;
    bytes[at + 2] = (byte) 0xBF;
    assertEquals(List.of("read NCT00000015"), read(new PageReader(), "p.html", bytes));
  }

  @Test
  void aPageNestedVeryDeepStillReads() {
    String html = "<html><body><h1>A trial of things</h1><p>NCT Number: NCT00000015</p><p>Status: Recruiting</p>"
        + "<p>Phase: Phase 2</p>" + "<div>".repeat(100_000) + "Conditions: Asthma" + "</div>".repeat(100_000) + "</body></html>";
    assertEquals(List.of("read NCT00000015"), read(new PageReader(), "p.html", html));
  }
}
