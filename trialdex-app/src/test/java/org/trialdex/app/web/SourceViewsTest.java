package org.trialdex.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialdex.core.json.StudyJson;
import org.trialdex.core.model.Study;

/** How the pages name sources and files, and what they take back from another source's view (issue #15). */
class SourceViewsTest {

  @Test
  void filesAreNamedWithoutTheServersFolders() {
    assertEquals("000_5042584f5d40f206.txt", SourceViews.fileName("/work/shared/seeds/000_5042584f5d40f206.txt"));
    assertEquals("subset.tar.gz, entry NCT00000102.xml",
        SourceViews.fileName("/data/in/subset.tar.gz!NCT0000xxxx/NCT00000102.xml"));
    assertEquals("records.json", SourceViews.fileName("C:\\\\imports\\\\records.json"));
    assertEquals("", SourceViews.fileName(""));
  }

  @Test
  void sourceKeysReadAsWords() {
    assertEquals("ClinicalTrials.gov record (API v2 JSON)", SourceViews.kind("ctgov-v2-json"));
    assertEquals("ClinicalTrials.gov classic study fields", SourceViews.kind("ctgov-classic-fields"));
    assertEquals("Registry page (ClinicalTrials.gov classic site)", SourceViews.kind("registry-page:ctgov-classic"));
    assertEquals("Registry page (new layout)", SourceViews.kind("registry-page:new-layout"));
    assertEquals("some-format", SourceViews.kind("some-format"));
  }

  @Test
  void anotherSourcesCriteriaAreShownOnlyWhenTheySayTheSameWords() {
    String kept = "Inclusion Criteria:\n\nAdults.\nConsent.";
    Study marked = study("Inclusion Criteria:\n\n* Adults.\n* Consent.");
    Study other = study("Inclusion Criteria:\n\n* Adults.\n* Consent.\n* Something else.");
    assertEquals("Inclusion Criteria:\n\n* Adults.\n* Consent.", SourceViews.bestCriteria(kept, List.of(other, marked)));
    assertEquals(kept, SourceViews.bestCriteria(kept, List.of(other)));
  }

  private static Study study(String criteria) {
    return StudyJson.standard().read("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT09999985"},"eligibilityModule":{"eligibilityCriteria":%s}}}
        """.formatted(com.fasterxml.jackson.databind.node.TextNode.valueOf(criteria).toString()));
  }
}
