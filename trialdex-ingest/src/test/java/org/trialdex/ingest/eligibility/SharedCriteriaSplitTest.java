package org.trialdex.ingest.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.CriteriaSplitter;
import org.trialdex.core.eligibility.Criterion;
import org.trialdex.core.eligibility.Criterion.Section;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SharedRecords;

/**
 * The criteria splitter on the eligibility text of every shared record (legacy XML, classic MSC
 * fields, API v2), as the readers give it: items are never headings, spans lie in the text, a
 * text with both headings gives both lists; and the items of real records counted by hand.
 */
class SharedCriteriaSplitTest {

  private static final Map<String, String> criteria = new LinkedHashMap<>();
  private static final Pattern BOTH_HEADINGS = Pattern.compile(
      "(?ism).*^\\s*inclusion criteria\\s*:?\\s*$.*^\\s*exclusion criteria\\s*:?\\s*$.*");
  private static final Pattern HEADING_LINE = Pattern.compile(
      "(?im)^[\\s\\-*]*(key\\s+)?(inclusion|exclusion)\\s+criteria\\s*:?\\s*$");
  private static final Pattern BARE_HEADING = Pattern.compile(
      "(?i)(key\\s+)?(inclusion|exclusion)\\s+criteria\\s*:?");

  @BeforeAll
  static void readEveryRecord() {
    SharedRecords.readAll((set, result) -> {
      if (result instanceof ReadResult.Read read && read.study().protocolSection() != null
          && read.study().protocolSection().eligibilityModule() != null
          && read.study().protocolSection().eligibilityModule().eligibilityCriteria() != null) {
        criteria.put(read.study().protocolSection().identificationModule().nctId(),
            read.study().protocolSection().eligibilityModule().eligibilityCriteria());
      }
    });
  }

  @Test
  void everyRecordSplitsIntoItemsThatAreNotHeadingsAndLieInTheText() {
    List<String> wrong = new ArrayList<>();
    long items = 0;
    long withBoth = 0;
    for (Map.Entry<String, String> e : criteria.entrySet()) {
      String text = e.getValue();
      List<Criterion> split = CriteriaSplitter.split(text);
      items += split.size();
      String withoutHeadings = HEADING_LINE.matcher(text).replaceAll("");
      if (withoutHeadings.chars().anyMatch(Character::isLetter) && split.isEmpty()) {
        wrong.add(e.getKey() + ": no items");
      }
      for (Criterion c : split) {
        if (BARE_HEADING.matcher(c.text()).matches()) {
          wrong.add(e.getKey() + ": a heading as an item: " + c.text());
        }
        // The item starts in the text with its first word (later words may be on wrapped lines).
        String first = c.text().split("\\s+")[0];
        if (c.end() > text.length() || !text.substring(c.start()).startsWith(first)) {
          wrong.add(e.getKey() + ": span " + c.start() + ".." + c.end() + " does not start with \"" + first + "\"");
        }
      }
      Matcher firstHeading = HEADING_LINE.matcher(text);
      if (BOTH_HEADINGS.matcher(text.replace("\r", "")).matches() && firstHeading.find()) {
        withBoth++;
        int after = firstHeading.start();
        split.stream().filter(c -> c.start() > after && c.section() == Section.UNSPECIFIED).findFirst()
            .ifPresent(c -> wrong.add(e.getKey() + ": an item after a heading in no section: " + c.text()));
      }
    }
    System.out.printf(Locale.ROOT, "criteria of %,d records: %,d items (%.1f a record); %,d with both headings%n",
        criteria.size(), items, (double) items / criteria.size(), withBoth);
    assertTrue(criteria.size() > 8000, "records with criteria: " + criteria.size());
    assertTrue(withBoth > 3000, "records with both headings: " + withBoth);
    assertEquals(List.of(), wrong.stream().limit(20).toList());
  }

  private static List<Long> counts(String nctId) {
    List<Criterion> items = CriteriaSplitter.split(criteria.get(nctId));
    return List.of(items.stream().filter(c -> c.section() == Section.INCLUSION).count(),
        items.stream().filter(c -> c.section() == Section.EXCLUSION).count());
  }

  @Test
  void realRecordsHaveTheItemsAReaderCounts() {
    // Counted by hand from the classic field records (one item per line, markers stripped).
    assertEquals(List.of(3L, 5L), counts("NCT00976287"), "liver cirrhosis: 3 inclusion, 5 exclusion lines");
    assertEquals(List.of(6L, 2L), counts("NCT02442817"), "schizophrenia: 6 inclusion, 2 exclusion lines");
    assertEquals(List.of(4L, 3L), counts("NCT03747822"), "chin: 4 inclusion (one starts '•.'), 3 exclusion");
  }
}
