package org.trialdex.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trialdex.testing.SharedData;

/**
 * The legacy plain-text form of {@code markupFormat=legacy}: exact examples first, then PALLAS's
 * v2 markdown converted and compared with the text of the same fields in its classic XML, an
 * independent rendering of the legacy form (wrapped at 100 columns there; both sides unwrapped
 * before they are compared).
 */
class LegacyTextTest {

  @Test
  void bulletsBecomeDashedItemsEachItsOwnParagraph() {
    assertEquals("Inclusion Criteria:\n\n  -  Age 18 or over\n\n  -  Signed consent\n\nExclusion Criteria:\n\n"
        + "  -  Pregnancy", LegacyText.fromMarkdown(
            "Inclusion Criteria:\n\n* Age 18 or over\n* Signed consent\n\nExclusion Criteria:\n\n* Pregnancy"));
  }

  @Test
  void nestedAndNumberedItemsKeepTheirLevel() {
    assertEquals("  1. First\n\n       -  detail\n\n  2. Second",
        LegacyText.fromMarkdown("1. First\n  * detail\n2. Second"));
  }

  @Test
  void escapesAreUndoneAndEmphasisIsReducedToItsText() {
    assertEquals("ANC > 1500/µL and age < 75; **not** escaped here: 5 * 3",
        LegacyText.fromMarkdown("ANC \\> 1500/µL and age \\< 75; \\*\\*not\\*\\* escaped here: 5 \\* 3"));
    assertEquals("a bold word and an italic one", LegacyText.fromMarkdown("a **bold** word and an *italic* one"));
  }

  @Test
  void plainTextIsLeftAsItIs() {
    String plain = "Standard adjuvant endocrine therapy for a duration of at least 5 years.";
    assertEquals(plain, LegacyText.fromMarkdown(plain));
  }

  /**
   * PALLAS (NCT02513394): each markup field of its v2 record, converted, against the same field's
   * text in its classic XML. The XML is an older version of the record, so a field whose words
   * changed since cannot match; the report names each field and whether it matched exactly.
   */
  @Test
  void pallasConvertedAsTheClassicXmlShowsIt() throws Exception {
    JsonNode study = new ObjectMapper().readTree(SharedData.pallasV2().toFile());
    String xml = Files.readString(SharedData.pallasXml());
    JsonNode p = study.path("protocolSection");
    Map<String, String[]> fields = new LinkedHashMap<>();
    fields.put("briefSummary", new String[] {p.at("/descriptionModule/briefSummary").asText(),
        textblock(xml, "brief_summary")});
    fields.put("detailedDescription", new String[] {p.at("/descriptionModule/detailedDescription").asText(null),
        textblock(xml, "detailed_description")});
    fields.put("eligibilityCriteria", new String[] {p.at("/eligibilityModule/eligibilityCriteria").asText(),
        textblock(xml, "criteria")});
    List<String> armXml = all(xml, "<arm_group>.*?<description>(.*?)</description>");
    JsonNode arms = p.at("/armsInterventionsModule/armGroups");
    for (int i = 0; i < arms.size(); i++) {
      fields.put("armGroups[" + i + "].description", new String[] {arms.get(i).path("description").asText(null),
          i < armXml.size() ? armXml.get(i) : null});
    }
    List<String> report = new ArrayList<>();
    int compared = 0;
    int exact = 0;
    for (Map.Entry<String, String[]> f : fields.entrySet()) {
      String v2 = f.getValue()[0];
      String legacy = f.getValue()[1];
      if (v2 == null || legacy == null) {
        report.add(f.getKey() + ": absent from " + (v2 == null ? "the v2 record" : "the XML"));
        continue;
      }
      compared++;
      String ours = unwrap(LegacyText.fromMarkdown(v2));
      String theirs = unwrap(legacy);
      boolean same = ours.equals(theirs);
      exact += same ? 1 : 0;
      report.add(f.getKey() + ": " + (same ? "exact" : "differs at character " + firstDifference(ours, theirs)
          + ": ours '" + around(ours, firstDifference(ours, theirs)) + "', XML '"
          + around(theirs, firstDifference(ours, theirs)) + "'"));
    }
    System.out.println("PALLAS legacy text, " + exact + " of " + compared + " fields exact:\n  "
        + String.join("\n  ", report));
    // The fields whose text is the same in both versions of the record convert exactly.
    assertTrue(report.contains("briefSummary: exact"), () -> String.join("\n", report));
    assertTrue(report.contains("eligibilityCriteria: exact"), () -> String.join("\n", report));
    assertTrue(report.contains("armGroups[0].description: exact"), () -> String.join("\n", report));
    assertTrue(report.contains("armGroups[1].description: exact"), () -> String.join("\n", report));
  }

  /** The text of {@code <element><textblock>...</textblock>}, or null. */
  private static String textblock(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">\\s*<textblock>(.*?)</textblock>", Pattern.DOTALL).matcher(xml);
    return m.find() ? unescapeXml(m.group(1)) : null;
  }

  private static List<String> all(String xml, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(xml);
    while (m.find()) {
      out.add(unescapeXml(m.group(1)));
    }
    return out;
  }

  private static String unescapeXml(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
  }

  /**
   * Text without its wrapping: paragraphs (split at blank lines), each one line with single
   * spaces, a list item keeping its marker ({@code -} or {@code 1.}) and its depth.
   */
  static String unwrap(String given) {
    String text = given.replace("\r\n", "\n");
    int min = minIndent(text);
    List<String> paragraphs = new ArrayList<>();
    for (String block : text.split("\\n[ \\t]*\\n")) {
      if (block.isBlank()) {
        continue;
      }
      String first = block.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
      int depth = first.length() - first.stripLeading().length() - min;
      String words = String.join(" ", block.strip().split("\\s+"));
      paragraphs.add(depth <= 0 ? words : "[" + depth + "]" + words);
    }
    return String.join("\n\n", paragraphs);
  }

  private static int minIndent(String text) {
    return text.lines().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }

  private static String around(String s, int at) {
    return s.substring(Math.max(0, at - 30), Math.min(s.length(), at + 30)).replace("\n", "\\n");
  }
}
