package org.trialdex.app.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.trialdex.search.Facet;
import org.trialdex.search.FacetValue;
import org.trialdex.search.Hit;
import org.trialdex.search.SearchResult;

/**
 * Large answers written as they are made, one study at a time, straight to the response: the whole
 * answer (up to 1,000 studies) is never held in memory as a tree or as bytes. What a connection
 * holds is Jetty's output buffer; a client that reads slowly makes the write wait (until the idle
 * timeout), not the server buffer the rest.
 */
final class Streamed {

  private Streamed() {}

  /** Something that writes text. */
  @FunctionalInterface
  interface Text {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * A search result as {@link org.trialdex.app.service.SearchResponses#v2} shapes it ({@code studies},
   * {@code nextPageToken}, {@code totalCount}, {@code facets}), then {@code explain} when not null;
   * {@code study} gives what is sent of each hit.
   */
  static void v2(Context ctx, SearchResult result, Function<Hit, JsonNode> study, JsonNode explain) throws IOException {
    ObjectMapper mapper = HttpServer.json();
    ctx.contentType("application/json");
    try (JsonGenerator out = mapper.getFactory().createGenerator(ctx.outputStream(), JsonEncoding.UTF8)) {
      out.writeStartObject();
      out.writeArrayFieldStart("studies");
      for (Hit hit : result.hits()) {
        mapper.writeTree(out, study.apply(hit));
      }
      out.writeEndArray();
      if (result.nextPageToken().isPresent()) {
        out.writeStringField("nextPageToken", result.nextPageToken().get());
      }
      if (result.totalCount().isPresent()) {
        out.writeNumberField("totalCount", result.totalCount().getAsLong());
      }
      if (!result.facets().isEmpty()) {
        out.writeArrayFieldStart("facets");
        for (Facet f : result.facets()) {
          out.writeStartObject();
          out.writeStringField("name", f.name());
          out.writeArrayFieldStart("values");
          for (FacetValue v : f.values()) {
            out.writeStartObject();
            out.writeStringField("value", v.value());
            out.writeNumberField("count", v.count());
            out.writeEndObject();
          }
          out.writeEndArray();
          out.writeEndObject();
        }
        out.writeEndArray();
      }
      if (explain != null) {
        out.writeFieldName("explain");
        mapper.writeTree(out, explain);
      }
      out.writeEndObject();
    }
  }

  /** CSV text, UTF-8, as {@code body} writes it. */
  static void csv(Context ctx, Text body) throws IOException {
    ctx.contentType("text/csv; charset=utf-8");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
      body.writeTo(out);
    }
  }
}
