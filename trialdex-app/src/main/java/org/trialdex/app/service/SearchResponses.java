package org.trialdex.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import org.trialdex.core.json.StudyJson;
import org.trialdex.search.Facet;
import org.trialdex.search.FacetValue;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;

/**
 * A search result in the ClinicalTrials.gov API v2 response shape ({@code studies},
 * {@code nextPageToken}, {@code totalCount}) plus our {@code facets}: one writer for the HTTP API
 * and {@code trialdex search --format json}, so both answer alike.
 */
public final class SearchResponses {

  private SearchResponses() {}

  /**
   * The response; {@code view} turns each study's v2 JSON into what is sent (all of it, or the
   * {@code fields=} the request selected).
   */
  public static ObjectNode v2(SearchResult result, UnaryOperator<JsonNode> view) {
    StudyJson json = StudyJson.standard();
    ObjectNode root = json.mapper().createObjectNode();
    ArrayNode studies = root.putArray("studies");
    for (Hit hit : result.hits()) {
      studies.add(view.apply(json.tree(hit.study())));
    }
    result.nextPageToken().ifPresent(t -> root.put("nextPageToken", t));
    result.totalCount().ifPresent(n -> root.put("totalCount", n));
    if (!result.facets().isEmpty()) {
      ArrayNode facets = root.putArray("facets");
      for (Facet f : result.facets()) {
        ObjectNode node = facets.addObject();
        node.put("name", f.name());
        ArrayNode values = node.putArray("values");
        for (FacetValue v : f.values()) {
          values.addObject().put("value", v.value()).put("count", v.count());
        }
      }
    }
    return root;
  }
}
