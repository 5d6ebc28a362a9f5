package org.trialdex.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writes responses. */
final class Render {

  private Render() {}

  static void json(Context ctx, JsonNode body) {
    try {
      ctx.contentType("application/json").result(HttpServer.json().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static void csv(Context ctx, String body) {
    ctx.contentType("text/csv; charset=utf-8").result(body);
  }

  /** One CSV field, quoted when it must be (RFC 4180). */
  static String csvField(String value) {
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
