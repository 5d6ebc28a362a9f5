package org.trialdex.ingest.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialdex.core.eligibility.CriterionParser;
import org.trialdex.core.eligibility.ParsedCriteriaCodec;
import org.trialdex.core.eligibility.ParsedCriterion;
import org.trialdex.core.terms.Vocabulary;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SharedRecords;
import org.trialdex.testing.SharedData;

/**
 * The parse codec on the criteria of every shared record (legacy XML, classic MSC fields, API v2), as
 * the readers give them: what the parser read comes back from the bytes equal, item for item, so
 * that a match served from the cache of parses judges exactly what a fresh parse would.
 */
class SharedCriteriaCodecTest {

  @Test
  void everyRecordsParsesComeBackFromTheirBytesEqual() {
    Map<String, String> criteria = new LinkedHashMap<>();
    SharedRecords.readAll((set, result) -> {
      if (result instanceof ReadResult.Read read && read.study().protocolSection() != null
          && read.study().protocolSection().eligibilityModule() != null
          && read.study().protocolSection().eligibilityModule().eligibilityCriteria() != null) {
        criteria.put(set + "/" + read.study().protocolSection().identificationModule().nctId(),
            read.study().protocolSection().eligibilityModule().eligibilityCriteria());
      }
    });
    CriterionParser parser = new CriterionParser(Vocabulary.load(SharedData.terms()));
    List<String> wrong = new ArrayList<>();
    long bytes = 0;
    long chars = 0;
    long constraints = 0;
    for (Map.Entry<String, String> e : criteria.entrySet()) {
      List<ParsedCriterion> parsed = parser.parseAll(e.getValue());
      byte[] encoded = ParsedCriteriaCodec.encode(parsed);
      bytes += encoded.length;
      chars += e.getValue().length();
      constraints += parsed.stream().mapToInt(p -> p.constraints().size()).sum();
      if (!parsed.equals(ParsedCriteriaCodec.decode(encoded))) {
        wrong.add(e.getKey());
      }
    }
    System.out.printf(Locale.ROOT, "codec: %,d records, %,d constraints, %,d bytes encoded for %,d characters of criteria%n",
        criteria.size(), constraints, bytes, chars);
    assertTrue(criteria.size() > 1000, "the shared sets hold thousands of records with criteria, read " + criteria.size());
    assertTrue(constraints > criteria.size(), "constraints were read: " + constraints);
    assertEquals(List.of(), wrong);
  }
}
