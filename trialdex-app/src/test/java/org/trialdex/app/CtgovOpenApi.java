package org.trialdex.app;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;
import org.trialdex.testing.SharedData;

/**
 * ClinicalTrials.gov's own OpenAPI document ({@code ctg-oas-v2.yaml}, from the shared data folder)
 * as a checker of the answers of trialdex's {@code /api/v2}: {@link #errors} lists what an answer
 * does not follow. PALLAS as ClinicalTrials.gov gives it carries one member the document lacks
 * ({@code locations_nested}, docs/design.md), kept losslessly; that one difference is the
 * source's and is not reported. The document is an older draft that spells the statistics paths
 * {@code /stats/fieldValues} and {@code /stats/listSizes}; the live API and its clients use
 * {@code /stats/field/values} and {@code /stats/field/sizes} (cyanheads/clinicaltrialsgov-mcp-server
 * calls {@code /stats/field/values}), with the same answers, so those are checked against the
 * document's spelling.
 */
final class CtgovOpenApi {

  private final OpenApiInteractionValidator validator;

  private CtgovOpenApi(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** The document's checker, or a skipped test when the shared folder is absent. */
  static CtgovOpenApi load() {
    return new CtgovOpenApi(OpenApiInteractionValidator
        .createForSpecificationUrl(SharedData.require("data/ctgov-api-v2/ctg-oas-v2.yaml").toUri().toString())
        .withBasePathOverride("/api/v2")
        .build());
  }

  /** The errors of a GET answer of {@code path} (under /api/v2) against the document; empty when it follows it. */
  List<ValidationReport.Message> errors(String path, int status, String contentType, String body) {
    String documented = path.replace("/api/v2/stats/field/values", "/api/v2/stats/fieldValues")
        .replace("/api/v2/stats/field/sizes", "/api/v2/stats/listSizes");
    ValidationReport report = validator.validateResponse(documented, Request.Method.GET,
        SimpleResponse.Builder.status(status).withContentType(contentType.replaceAll(";.*", "")).withBody(body).build());
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR && !m.getMessage().contains("'locations_nested'"))
        .toList();
  }
}
