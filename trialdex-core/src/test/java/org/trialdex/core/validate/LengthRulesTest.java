package org.trialdex.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthRulesTest {

  private static String text(int length) {
    return "\"" + "a".repeat(length) + "\"";
  }

  @Test
  void aTextAtTheLimitPassesAndOneCharacterMoreIsAWarning() {
    String path = "protocolSection.identificationModule.briefTitle";
    Expect.findings(GivenRecord.interventional().set(path, text(300)).validate());
    Finding f = Expect.only(GivenRecord.interventional().set(path, text(301)).validate());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("length.brief-title", f.rule());
    assertEquals(path, f.path());
    assertEquals("briefTitle has 301 characters, over the PRS limit of 300: \"" + "a".repeat(77) + "...\"", f.message());
  }

  @Test
  void charactersAreCountedAsAPersonCountsThemNotAsUtf16Units() {
    // 14 emoji are 28 UTF-16 units and 14 characters: at the acronym limit, not over it.
    String acronym = "\"" + "\uD83E\uDDEC".repeat(14) + "\"";
    Expect.findings(GivenRecord.interventional().set("protocolSection.identificationModule.acronym", acronym).validate());
  }

  @Test
  void listMembersAreReportedWithTheirIndex() {
    Expect.findings(GivenRecord.interventional()
            .set("protocolSection.conditionsModule.keywords", "[\"MSC\", " + text(161) + "]")
            .set("protocolSection.outcomesModule.secondaryOutcomes",
                "[{\"measure\": \"Pain\", \"timeFrame\": " + text(256) + "}]")
            .set("protocolSection.contactsLocationsModule.locations", "[{\"facility\": " + text(255)
                + ", \"contacts\": [{\"name\": \"Desk\"}]}]")
            .validate(),
        "length.keyword at protocolSection.conditionsModule.keywords[1]",
        "length.outcome-time-frame at protocolSection.outcomesModule.secondaryOutcomes[0].timeFrame",
        "length.facility-name at protocolSection.contactsLocationsModule.locations[0].facility");
  }

  @Test
  void armAndInterventionTextsHaveTheirOwnLimits() {
    Expect.findings(GivenRecord.interventional()
            .set("protocolSection.armsInterventionsModule.armGroups",
                "[{\"label\": \"MSC\", \"description\": " + text(1000) + ", \"interventionNames\": [\"Biological: Stromal cells\"]},"
                    + " {\"label\": \"Placebo\", \"interventionNames\": [\"Other: Saline\"]}]")
            .set("protocolSection.armsInterventionsModule.interventions",
                "[{\"type\": \"BIOLOGICAL\", \"name\": \"Stromal cells\", \"description\": " + text(1001) + "},"
                    + " {\"type\": \"OTHER\", \"name\": \"Saline\"}]")
            .validate(),
        "length.arm-group-description at protocolSection.armsInterventionsModule.armGroups[0].description",
        "length.intervention-description at protocolSection.armsInterventionsModule.interventions[0].description");
  }

  @Test
  void theLimitTableHasOneRowPerRuleAndEveryRuleIsALengthRule() {
    List<String> ids = LengthRules.TABLE.stream().map(LengthRules.Limit::rule).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size());
    assertEquals(22, ids.size());
    ids.forEach(id -> assertEquals(true, id.matches("length\\.[a-z]+(-[a-z]+)*"), id));
  }
}
