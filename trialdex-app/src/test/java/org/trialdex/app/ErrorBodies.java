package org.trialdex.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * The message of an error answer, read as its path's API writes it: under {@code /api/v2} the
 * message alone as {@code text/plain} (as ClinicalTrials.gov answers), elsewhere JSON
 * {@code {"message": ...}}. Checks the content type on the way.
 */
public final class ErrorBodies {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ErrorBodies() {}

  /** The message of {@code r}, an error answer of the server. */
  public static String message(HttpResponse<String> r) throws IOException {
    String type = r.headers().firstValue("content-type").orElse("");
    if (r.uri().getPath().startsWith("/api/v2")) {
      assertTrue(type.startsWith("text/plain"), () -> r.uri() + " answered " + type + ": " + r.body());
      return r.body();
    }
    assertTrue(type.startsWith("application/json"), () -> r.uri() + " answered " + type + ": " + r.body());
    return MAPPER.readTree(r.body()).path("message").asText();
  }
}
