package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * ClinicalTrials.gov's {@code markupFormat} parameter of {@code /api/v2/studies} and
 * {@code /api/v2/studies/{nctId}}: the fields of type {@code markup} as stored (markdown, the
 * default) or in the legacy plain-text form ({@link LegacyText}).
 */
enum MarkupFormat {
  MARKDOWN,
  LEGACY;

  /**
   * The fields of type {@code markup} in ClinicalTrials.gov's data structure (its Study Data
   * Structure page; {@code ctg-oas-v2.yaml} types them all as plain strings): dotted paths, lists
   * transparent. Results-section markup is not converted (docs/http.md).
   */
  static final List<String> MARKUP_FIELDS = List.of(
      "protocolSection.descriptionModule.briefSummary",
      "protocolSection.descriptionModule.detailedDescription",
      "protocolSection.designModule.designInfo.maskingInfo.maskingDescription",
      "protocolSection.armsInterventionsModule.armGroups.description",
      "protocolSection.armsInterventionsModule.interventions.description",
      "protocolSection.eligibilityModule.eligibilityCriteria",
      "protocolSection.eligibilityModule.genderDescription");

  /**
   * The format {@code values} of the parameter name; absent or blank means markdown.
   *
   * @throws HttpServer.BadRequest for another value or more than one, as ClinicalTrials.gov
   *     answers 400
   */
  static MarkupFormat of(List<String> values) {
    if (values == null || values.isEmpty() || values.stream().allMatch(String::isBlank)) {
      return MARKDOWN;
    }
    if (values.size() > 1) {
      throw new HttpServer.BadRequest("markupFormat: given " + values.size() + " times; give it once");
    }
    return switch (values.getFirst().strip().toLowerCase(Locale.ROOT)) {
      case "markdown" -> MARKDOWN;
      case "legacy" -> LEGACY;
      default -> throw new HttpServer.BadRequest("Invalid value in parameter `markupFormat`: `" + values.getFirst()
          + "`; accepted: markdown (the default), legacy");
    };
  }

  /** {@code study} with its markup fields in this format: changed in place, and returned. */
  JsonNode apply(JsonNode study) {
    if (this == LEGACY) {
      for (String path : MARKUP_FIELDS) {
        convert(study, path.split("\\."), 0);
      }
    }
    return study;
  }

  private static void convert(JsonNode node, String[] path, int at) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> convert(n, path, at));
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    JsonNode next = object.get(path[at]);
    if (at == path.length - 1) {
      if (next != null && next.isTextual()) {
        object.put(path[at], LegacyText.fromMarkdown(next.asText()));
      }
      return;
    }
    convert(next, path, at + 1);
  }
}
