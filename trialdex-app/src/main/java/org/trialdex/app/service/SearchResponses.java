package org.trialdex.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.trialdex.core.json.StudyJson;
import org.trialdex.search.Explanation;
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
    return response(result, hit -> view.apply(json.tree(hit.study())));
  }

  /**
   * The response as {@link #v2} makes it, read from each study's JSON as the index stores it
   * rather than written anew from the model: whole studies ({@code view} empty) are sent as those
   * bytes, and {@code view} picks fields from a tree read from them. For compact output only
   * (whole studies are not indented); the same bytes as {@link #v2} otherwise.
   */
  public static ObjectNode v2AsStored(SearchResult result, Optional<UnaryOperator<JsonNode>> view) {
    return response(result, hit -> asStored(hit, view));
  }

  /**
   * One hit's study as the index stores it: the stored bytes as they are (a raw node, written
   * without parsing), or {@code view} of the tree read from them.
   */
  public static JsonNode asStored(Hit hit, Optional<UnaryOperator<JsonNode>> view) {
    ObjectMapper mapper = StudyJson.standard().mapper();
    if (view.isEmpty()) {
      return mapper.getNodeFactory().rawValueNode(new RawValue(new Utf8Json(hit.json())));
    }
    return view.get().apply(storedTree(hit));
  }

  /**
   * One hit's study as a tree read from the JSON the index stores, not through the model: the same
   * tree as {@code StudyJson.tree(hit.study())} (numbers keep their written form), for a fraction
   * of the work.
   */
  public static JsonNode storedTree(Hit hit) {
    try {
      return StudyJson.standard().mapper().readTree(hit.json());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored JSON of " + hit.id(), e);
    }
  }

  private static ObjectNode response(SearchResult result, Function<Hit, JsonNode> study) {
    ObjectNode root = StudyJson.standard().mapper().createObjectNode();
    ArrayNode studies = root.putArray("studies");
    for (Hit hit : result.hits()) {
      studies.add(study.apply(hit));
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

  /** The {@code explain} extension: how the search was understood and why each hit matched. */
  public static ObjectNode explanation(Explanation explanation) {
    return StudyJson.standard().mapper().valueToTree(explanation);
  }

  /** The explanation as lines of text, for the command line. */
  public static java.util.List<String> explanationText(Explanation explanation) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (Explanation.Term t : explanation.terms()) {
      lines.add(t.field() + " \"" + t.text() + "\": " + (t.byMeaning() ? "by meaning" : "as words"));
      for (java.util.List<Explanation.ConceptInfo> part : t.concepts()) {
        for (Explanation.ConceptInfo c : part) {
          lines.add("  concept " + c.id() + " " + c.name() + " (" + c.source() + ")"
              + (c.mesh().isEmpty() || c.mesh().getFirst().startsWith(c.id()) ? "" : ", MeSH " + String.join("; ", c.mesh())));
          lines.add("    known as: " + String.join("; ", c.names()));
          lines.add("    and every concept below it");
        }
      }
      if (!t.words().isEmpty()) {
        lines.add("  and the words \"" + t.words() + "\" in the area");
      }
      if (!t.parts().isEmpty()) {
        lines.add("  words ranked by part: " + String.join(", ", t.parts()));
      }
    }
    for (Explanation.HitReasons h : explanation.hits()) {
      lines.add(h.id() + ":");
      h.reasons().forEach(r -> lines.add("  " + r));
      if (!h.derived().isEmpty()) {
        lines.add("  derived by trialdex (the source lacked them): " + String.join(", ", h.derived()));
      }
    }
    return lines;
  }
}
