package org.trialdex.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

class ModuleDiffTest {

  private static Study study(String json) {
    return StudyJson.standard().read(json);
  }

  @Test
  void identicalVersionsChangeNothing() {
    Study a = study("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000001\"}},\"hasResults\":false}");
    assertEquals(List.of(), ModuleDiff.changedModules(a, a));
  }

  @Test
  void changedAddedAndRemovedModulesAreNamedInSectionOrder() {
    Study a = study("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000001"},"statusModule":{"overallStatus":"RECRUITING"},
         "eligibilityModule":{"minimumAge":"18 Years"}},"hasResults":false}""");
    Study b = study("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000001"},"statusModule":{"overallStatus":"COMPLETED"},
         "designModule":{"studyType":"INTERVENTIONAL"}},
         "resultsSection":{"moreInfoModule":{"limitationsAndCaveats":{"description":"small"}}},"hasResults":true}""");
    assertEquals(List.of("protocolSection.statusModule", "protocolSection.eligibilityModule",
        "protocolSection.designModule", "hasResults", "resultsSection.moreInfoModule"),
        ModuleDiff.changedModules(a, b));
  }
}
