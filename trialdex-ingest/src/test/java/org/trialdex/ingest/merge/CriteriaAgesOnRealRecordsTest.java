package org.trialdex.ingest.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;
import org.trialdex.core.validate.Finding;
import org.trialdex.core.validate.StudyValidator;
import org.trialdex.ingest.ReadOptions;
import org.trialdex.ingest.ReadResult;
import org.trialdex.ingest.SourceEntry;
import org.trialdex.ingest.classic.ClassicFieldsReader;
import org.trialdex.testing.SharedData;

/**
 * consistency.criteria-age-range over the 100 v2 records of the NSCLC sample and the 1,480
 * classic MSC records. The findings asserted one by one were checked against the criteria text.
 */
class CriteriaAgesOnRealRecordsTest {

  private static final String RULE = "consistency.criteria-age-range";
  private static final String ELIGIBILITY = "protocolSection.eligibilityModule.";
  private static final Map<String, List<Finding>> v2 = new LinkedHashMap<>();
  private static final Map<String, List<Finding>> classic = new LinkedHashMap<>();

  @BeforeAll
  static void validateAll() throws IOException {
    StudyValidator validator = new StudyValidator();
    StudyJson json = StudyJson.standard();
    for (JsonNode node : json.mapper().readTree(SharedData.v2Sample().toFile())) {
      Study s = json.read(node);
      v2.put(s.protocolSection().identificationModule().nctId(), validator.validate(s).ofRule(RULE));
    }
    Path path = SharedData.mscClassic();
    try (InputStream in = Files.newInputStream(path);
        var results = new ClassicFieldsReader().read(
            new SourceEntry(path.getFileName().toString(), Files.size(path), in), ReadOptions.defaults())) {
      results.forEach(r -> {
        ReadResult.Read read = (ReadResult.Read) r;
        classic.put(read.nctId(), validator.validate(read.study()).ofRule(RULE));
      });
    }
  }

  private static List<String> messages(String nctId) {
    return classic.get(nctId).stream().map(f -> f.path() + ": " + f.message()).toList();
  }

  @Test
  void theRuleFinds37ContradictionsIn33ClassicRecordsAndNoneInTheV2Sample() {
    assertEquals(100, v2.size());
    assertEquals(1480, classic.size());
    assertEquals(0, v2.values().stream().mapToInt(List::size).sum());
    List<Finding> all = new ArrayList<>();
    classic.values().forEach(all::addAll);
    assertEquals(37, all.size());
    assertEquals(33, classic.values().stream().filter(f -> !f.isEmpty()).count());
  }

  @Test
  void seedTrialNct00953485AgreesWithItsOwnCriteria() {
    // "man or woman aged from 15 to 70 years old"; minimumAge 15 Years, maximumAge 70 Years.
    assertEquals(List.of(), messages("NCT00953485"));
  }

  @Test
  void contradictionsCheckedByHand() {
    // "18 to 85 years of age (male and female)"; maximumAge 65 Years.
    assertEquals(List.of(ELIGIBILITY + "maximumAge: maximumAge is 65 Years but eligibilityCriteria says"
        + " \"18 to 85 years\", a maximum of 85 Years"), messages("NCT02230514"));
    // "40-65 years old male/female."; minimumAge 18 Years.
    assertEquals(List.of(ELIGIBILITY + "minimumAge: minimumAge is 18 Years but eligibilityCriteria says"
        + " \"40-65 years\", a minimum of 40 Years"), messages("NCT04898088"));
    // "Age group of 3-25 years"; minimumAge 4 Years.
    assertEquals(List.of(ELIGIBILITY + "minimumAge: minimumAge is 4 Years but eligibilityCriteria says"
        + " \"3-25 years\", a minimum of 3 Years"), messages("NCT03067831"));
  }

  @Test
  void textsAboutOtherPeopleOrOtherThingsAreNotReported() {
    // "Advanced maternal age above 38 years": the mother's age, not the participant's.
    assertEquals(List.of(), messages("NCT01649752"));
    // "gestational age at venipuncture between 20 - 42 weeks".
    assertEquals(List.of(), messages("NCT03562715"));
    // "Children: Up to 18 yrs ... Adults: 18-75 yrs": two populations.
    assertEquals(List.of(), messages("NCT01844661"));
    // "In the case of mature minors (12-17 years of age)": about consent, not the age limits.
    assertEquals(List.of(), messages("NCT04153630"));
  }
}
