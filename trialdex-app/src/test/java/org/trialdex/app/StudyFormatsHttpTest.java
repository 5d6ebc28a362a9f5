package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trialdex.app.service.fhir.FhirValidation;
import org.trialdex.testing.SharedData;

/**
 * The formats of one study (issue #14 item 9): {@code format=fhir.json}, {@code json.zip} (both in
 * ctg-oas-v2.yaml's enum) and our {@code ris}, on a real server over PALLAS; what makes no sense for
 * a format answers 400 naming the parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyFormatsHttpTest {

  private static final String PALLAS = "NCT02513394";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LoopbackApi api;
  private OpenApiInteractionValidator oas;

  @BeforeAll
  void start(@TempDir Path dir) {
    api = LoopbackApi.of(dir, SharedData.pallasV2());
    oas = OpenApiInteractionValidator
        .createForSpecificationUrl(SharedData.require("data/ctgov-api-v2/ctg-oas-v2.yaml").toUri().toString())
        .withBasePathOverride("/api/v2")
        .build();
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return api.getBytes(pathAndQuery);
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static String contentType(HttpResponse<byte[]> r) {
    return r.headers().firstValue("content-type").orElse("");
  }

  @Test
  void fhirJsonIsAValidR4ResearchStudyAsTheDocumentTypesIt() throws Exception {
    HttpResponse<byte[]> r = get("/api/v2/studies/" + PALLAS + "?format=fhir.json");
    assertEquals(200, r.statusCode(), () -> text(r));
    // ctg-oas-v2.yaml's content type for fhir.json
    assertTrue(contentType(r).startsWith("application/fhir+json"), contentType(r));
    ValidationReport report = oas.validateResponse("/api/v2/studies/" + PALLAS, Request.Method.GET,
        SimpleResponse.Builder.status(200).withContentType("application/fhir+json").withBody(text(r)).build());
    assertFalse(report.hasErrors(), report::toString);
    assertEquals(List.of(), FhirValidation.errors(text(r)));
    ResearchStudy rs = FhirContext.forR4Cached().newJsonParser().parseResource(ResearchStudy.class, text(r));
    assertEquals(PALLAS, rs.getIdElement().getIdPart());
    assertEquals(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL, rs.getStatus());
    // a lower-case id is the same study
    HttpResponse<byte[]> lower = get("/api/v2/studies/nct02513394?format=fhir.json");
    assertEquals(text(r), text(lower));
  }

  @Test
  void jsonZipHoldsTheStudyJsonOfFormatJsonAsAnAttachment() throws Exception {
    for (String query : List.of("", "&fields=NCTId,BriefTitle", "&markupFormat=legacy")) {
      HttpResponse<byte[]> zip = get("/api/v2/studies/" + PALLAS + "?format=json.zip" + query);
      assertEquals(200, zip.statusCode(), () -> text(zip));
      assertEquals("application/zip", contentType(zip));
      assertEquals("attachment; filename=\"" + PALLAS + ".zip\"", zip.headers().firstValue("content-disposition").orElse(""));
      HttpResponse<byte[]> json = get("/api/v2/studies/" + PALLAS + "?format=json" + query);
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
        ZipEntry entry = in.getNextEntry();
        assertEquals(PALLAS + ".json", entry.getName());
        JsonNode inZip = MAPPER.readTree(in.readAllBytes());
        assertEquals(MAPPER.readTree(json.body()), inZip, query);
        assertNull(in.getNextEntry(), "one file");
      }
    }
  }

  @Test
  void risIsOneDbaseCitationOfTheRegistryRecord() throws Exception {
    HttpResponse<byte[]> r = get("/api/v2/studies/" + PALLAS + "?format=ris");
    assertEquals(200, r.statusCode(), () -> text(r));
    assertTrue(contentType(r).startsWith("application/x-research-info-systems"), contentType(r));
    assertEquals("attachment; filename=\"" + PALLAS + ".ris\"", r.headers().firstValue("content-disposition").orElse(""));
    String ris = text(r);
    assertTrue(ris.endsWith("ER  - \r\n"), ris);
    List<String> lines = List.of(ris.split("\r\n"));
    // Values from NCT02513394.v2.json: officialTitle, briefTitle, leadSponsor, studyFirstPostDateStruct 2015-07-31,
    // conditions and keywords; every line a tag, two spaces, a dash and a space (RIS).
    assertEquals("TY  - DBASE", lines.get(0));
    assertTrue(lines.contains("ST  - PALbociclib CoLlaborative Adjuvant Study"), ris);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("TI  - PALbociclib CoLlaborative Adjuvant Study: A Randomized Phase III")), ris);
    assertTrue(lines.contains("AU  - Alliance Foundation Trials, LLC."), ris);
    assertTrue(lines.contains("DB  - ClinicalTrials.gov"), ris);
    assertTrue(lines.contains("AN  - NCT02513394"), ris);
    assertTrue(lines.contains("PY  - 2015"), ris);
    assertTrue(lines.contains("DA  - 2015/07/31"), ris);
    assertTrue(lines.containsAll(List.of("KW  - Breast Cancer", "KW  - HR+/HER2- breast cancer", "KW  - Palbociclib")), ris);
    assertTrue(lines.contains("N1  - Status: active not recruiting; Study type: interventional"), ris);
    assertTrue(lines.contains("UR  - https://clinicaltrials.gov/study/NCT02513394"), ris);
    assertTrue(lines.stream().allMatch(l -> l.matches("[A-Z][A-Z0-9]  - .*")), ris);
  }

  @Test
  void fieldsAndLegacyMarkupAreRefusedWhereTheFormatHasNoUseForThem() throws Exception {
    thenBadRequest("?format=fhir.json&fields=NCTId", "fields: format=fhir.json writes the whole record");
    thenBadRequest("?format=ris&fields=NCTId", "fields: format=ris writes the whole record");
    thenBadRequest("?format=fhir.json&markupFormat=legacy", "markupFormat: format=fhir.json writes the text fields as FHIR markdown");
    thenBadRequest("?format=xml", "format: 'xml' is not one of json, csv, json.zip, fhir.json, ris");
    // the list keeps ctg-oas-v2.yaml's two formats
    HttpResponse<byte[]> list = get("/api/v2/studies?format=fhir.json");
    assertEquals(400, list.statusCode());
    assertTrue(text(list).startsWith("format: 'fhir.json' is not one of json, csv"), text(list));
    // markdown, the default, is no conflict
    assertEquals(200, get("/api/v2/studies/" + PALLAS + "?format=fhir.json&markupFormat=markdown").statusCode());
  }

  private void thenBadRequest(String query, String start) throws Exception {
    HttpResponse<byte[]> r = get("/api/v2/studies/" + PALLAS + query);
    assertEquals(400, r.statusCode(), () -> query + ": " + text(r));
    assertTrue(contentType(r).startsWith("text/plain"), query);
    assertTrue(text(r).startsWith(start), () -> query + ": " + text(r));
  }
}
