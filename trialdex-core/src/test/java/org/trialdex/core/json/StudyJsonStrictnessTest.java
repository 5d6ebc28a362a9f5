package org.trialdex.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trialdex.core.model.Study;

/** What StudyJson refuses (issue #12): wrong JSON types, deep nesting, text that is not Unicode. */
class StudyJsonStrictnessTest {

  private final StudyJson json = StudyJson.standard();

  private static String status(String value) {
    return "{\"protocolSection\":{\"statusModule\":{\"overallStatus\":" + value + "}}}";
  }

  private static String enrollment(String value) {
    return "{\"protocolSection\":{\"designModule\":{\"enrollmentInfo\":{\"count\":" + value + "}}}}";
  }

  private StudyJsonException refused(String text) {
    return assertThrows(StudyJsonException.class, () -> json.read(text));
  }

  @Test
  void anOrdinalIsNotAnEnumConstant() {
    // Jackson's default reads 7 as the eighth constant, WITHDRAWN.
    StudyJsonException e = refused(status("7"));
    assertEquals("protocolSection.statusModule.overallStatus", e.path());
    assertTrue(e.getMessage().contains("expected text, one of ACTIVE_NOT_RECRUITING"), e.getMessage());
    assertTrue(e.getMessage().endsWith("found the number 7"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
  }

  @Test
  void digitsInTextAreNotAnEnumOrdinalEither() {
    StudyJsonException e = refused(status("\"7\""));
    assertEquals("protocolSection.statusModule.overallStatus", e.path());
  }

  @Test
  void aWholeNumberTakesNeitherTextNorFractionNorBoolean() {
    assertEquals("expected a whole number, found the text \"12\"", reason(refused(enrollment("\"12\""))));
    assertEquals("expected a whole number, found the number 1.5", reason(refused(enrollment("1.5"))));
    assertEquals("expected a whole number, found the boolean true", reason(refused(enrollment("true"))));
    assertEquals("protocolSection.designModule.enrollmentInfo.count", refused(enrollment("\"\"")).path());
    assertEquals(12, json.read(enrollment("12")).protocolSection().designModule().enrollmentInfo().count());
    // JSON has one kind of number: 20.0 and 2.0e1 are the whole number 20; beyond an int's range is refused
    assertEquals(20, json.read(enrollment("20.0")).protocolSection().designModule().enrollmentInfo().count());
    assertEquals(20, json.read(enrollment("2.0e1")).protocolSection().designModule().enrollmentInfo().count());
    assertEquals(0, json.read(enrollment("0.0")).protocolSection().designModule().enrollmentInfo().count());
    assertEquals("protocolSection.designModule.enrollmentInfo.count", refused(enrollment("3e10")).path());
  }

  @Test
  void aBooleanTakesOnlyTrueOrFalse() {
    assertEquals("expected true or false, found the text \"true\"", reason(refused("{\"hasResults\":\"true\"}")));
    assertEquals("expected true or false, found the number 1", reason(refused("{\"hasResults\":1}")));
    assertEquals(Boolean.TRUE, json.read("{\"hasResults\":true}").hasResults());
  }

  @Test
  void textMembersStillTakeANumberAsWritten() {
    Study s = json.read("{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":42}}}");
    assertEquals("42", s.protocolSection().identificationModule().briefTitle());
  }

  @Test
  void nestingDeeperThanTheLimitSaysWhere() {
    // The study object is level 1, so 1,000 arrays inside it make 1,001 levels.
    String deep = "{\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
    StudyJsonException e = refused(deep);
    assertTrue(e.getMessage().contains("nested deeper than 1000 levels"), e.getMessage());
    assertTrue(e.getMessage().contains("at line 1, column 1006"), e.getMessage());
    json.read("{\"x\":" + "[".repeat(999) + "]".repeat(999) + "}");
    e = assertThrows(StudyJsonException.class, () -> json.readTree(deep));
    assertEquals("invalid study JSON at line 1, column 1006: nested deeper than 1000 levels of objects and arrays", e.getMessage());
  }

  @Test
  void theImportDoorRefusesALoneSurrogateNamingItsPath() {
    String text = "{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":\"bad \\udfff end\"}}}";
    StudyJsonException e = assertThrows(StudyJsonException.class, () -> StudyJson.importing().read(text));
    assertEquals("protocolSection.identificationModule.briefTitle", e.path());
    assertTrue(e.getMessage().contains("lone surrogate (\\uDFFF at character 5)"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
    // The same from bytes, from a tree and inside a list or a member the model does not know.
    assertThrows(StudyJsonException.class, () -> StudyJson.importing().read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals("protocolSection.identificationModule.briefTitle",
        assertThrows(StudyJsonException.class, () -> StudyJson.importing().read(json.mapper().readTree(text))).path());
    assertEquals("protocolSection.conditionsModule.keywords[1]", assertThrows(StudyJsonException.class,
        () -> StudyJson.importing().read("{\"protocolSection\":{\"conditionsModule\":{\"keywords\":[\"a\",\"\\ud800\"]}}}")).path());
    assertEquals("extra.note", assertThrows(StudyJsonException.class,
        () -> StudyJson.importing().read("{\"extra\":{\"note\":\"\\ud800x\"}}")).path());
    assertEquals("BriefTitle[0]", assertThrows(StudyJsonException.class,
        () -> StudyJson.importing().readTree("{\"BriefTitle\":[\"\\udc00\"]}")).path());
  }

  @Test
  void pairedSurrogatesAreTextAndStoredRecordsStillRead() {
    String emoji = "{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":\"\\ud83d\\ude00\"}}}";
    assertEquals("\uD83D\uDE00", StudyJson.importing().read(emoji).protocolSection().identificationModule().briefTitle());
    // A record stored before the door was closed reads back; export replaces and warns.
    String lone = "{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":\"\\udfff\"}}}";
    assertEquals("\uDFFF", json.read(lone).protocolSection().identificationModule().briefTitle());
  }

  @Test
  void replacingLoneSurrogatesKeepsPairs() {
    assertEquals("a\uFFFDb\uD83D\uDE00\uFFFD", ValidText.replaceLoneSurrogates("a\uDFFFb\uD83D\uDE00\uD800"));
    assertEquals(-1, ValidText.firstLoneSurrogate("plain \uD83D\uDE00"));
    assertEquals(1, ValidText.firstLoneSurrogate("a\uD800"));
  }

  private static String reason(StudyJsonException e) {
    return e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
  }
}
