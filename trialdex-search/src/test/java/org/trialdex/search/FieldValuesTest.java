package org.trialdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialdex.search.IndexedSample.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialdex.search.query.SearchRequests;

/**
 * {@link SearchService#fieldValues} and the filtered counts: each matching study's values as its
 * record states them, read here from the record JSON.
 */
class FieldValuesTest extends IndexedSampleTest {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  @Test
  void everyMatchingStudyComesWithItsPhasesCountriesAndStartDay() {
    List<FieldValues> rows = sample.service.fieldValues(SearchRequests.parse(Map.of()), List.of("phase", "country",
        "StartDate"), LIMIT);
    assertEquals(sample.records.size(), rows.size());
    Map<String, JsonNode> records = new TreeMap<>(sample.records);
    assertEquals(new ArrayList<>(records.keySet()), rows.stream().map(FieldValues::id).toList(), "in id order");
    for (FieldValues row : rows) {
      JsonNode r = records.get(row.id());
      assertEquals(texts(r, "protocolSection", "designModule", "phases").stream().sorted().toList(),
          row.of("phase").stream().sorted().toList(), row.id());
      assertEquals(texts(r, "protocolSection", "contactsLocationsModule", "locations", "country").stream().distinct()
          .sorted().toList(), row.of("country"), row.id());
      List<String> start = texts(r, "protocolSection", "statusModule", "startDateStruct", "date");
      // A month is read as its first day: "2021-03" is 2021-03-01, "2012" is 2012-01-01.
      assertEquals(start.stream().map(d -> d.length() == 4 ? d + "-01-01" : d.length() == 7 ? d + "-01" : d).toList(),
          row.of("StartDate"), row.id());
    }
  }

  @Test
  void aFilterNarrowsTheRowsAndTheCountsAlike() {
    var request = SearchRequests.parse(Map.of("filter.advanced", List.of("AREA[Phase]PHASE3")));
    List<FieldValues> rows = sample.service.fieldValues(request, List.of("phase"), LIMIT);
    long phase3 = sample.records.values().stream()
        .filter(r -> texts(r, "protocolSection", "designModule", "phases").contains("PHASE3")).count();
    assertEquals(phase3, rows.size());
    assertTrue(rows.stream().allMatch(r -> r.of("phase").contains("PHASE3")));
    long dated = sample.records.values().stream()
        .filter(r -> texts(r, "protocolSection", "designModule", "phases").contains("PHASE3"))
        .filter(r -> !texts(r, "protocolSection", "statusModule", "startDateStruct", "date").isEmpty()).count();
    assertEquals(dated, sample.service.countWithValue(request, "StartDate", LIMIT));
  }

  @Test
  void aFieldWithoutValuesToReadIsRefusedNamingTheAcceptedOnes() {
    SearchException e = assertThrows(SearchException.class, () -> sample.service.fieldValues(
        SearchRequests.parse(Map.of()), List.of("BriefTitle"), LIMIT));
    assertTrue(e.getMessage().startsWith("No values to read for \"BriefTitle\"; accepted: status, phase"), e.getMessage());
    assertThrows(SearchException.class, () -> sample.service.countWithValue(SearchRequests.parse(Map.of()), "Nope", LIMIT));
  }
}
