package org.trialdex.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.trialdex.app.web.ChunkedBody;

/** Writes responses. */
final class Render {

  private Render() {}

  /** {@code body} as JSON, written in chunks (a whole study with results is megabytes: see {@link ChunkedBody}). */
  static void json(Context ctx, JsonNode body) {
    ChunkedBody out = new ChunkedBody();
    try {
      HttpServer.json().writeValue(out, body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    send(ctx, "application/json", out);
  }

  /**
   * Sends {@code body}: a small one as one array (one write, its length known), a large one as a
   * stream over its chunks, so that no copy of it is ever one humongous array.
   */
  static void send(Context ctx, String contentType, ChunkedBody body) {
    ctx.contentType(contentType);
    if (body.small()) {
      ctx.result(body.bytes());
    } else {
      ctx.result(body.stream());
    }
  }

  /**
   * {@code body} as ClinicalTrials.gov's {@code format=json.zip} gives it: a zip archive holding
   * {@code {id}.json}, the same JSON as {@code format=json}, sent as an attachment.
   */
  static void zippedJson(Context ctx, String id, JsonNode body) {
    ChunkedBody out = new ChunkedBody();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8)) {
      zip.putNextEntry(new java.util.zip.ZipEntry(id + ".json"));
      // The zip stream stays open for closeEntry: Jackson must not close what it writes to.
      HttpServer.json().writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(zip, body);
      zip.closeEntry();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write the zip of " + id, e);
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".zip\"");
    send(ctx, "application/zip", out);
  }

  /** A FHIR resource as FHIR JSON, {@code application/fhir+json} (ctg-oas-v2.yaml's content type for fhir.json). */
  static void fhir(Context ctx, org.hl7.fhir.r4.model.ResearchStudy resource) {
    ChunkedBody out = new ChunkedBody();
    try (java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
      org.trialdex.app.service.fhir.ResearchStudies.write(resource, w);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write FHIR JSON", e);
    }
    send(ctx, "application/fhir+json; charset=utf-8", out);
  }

  /** A RIS citation, {@code application/x-research-info-systems}, as a file reference managers import. */
  static void ris(Context ctx, String id, String citation) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".ris\"");
    ctx.contentType("application/x-research-info-systems; charset=utf-8").result(citation);
  }

  static void csv(Context ctx, String body) {
    ctx.contentType("text/csv; charset=utf-8").result(body);
  }

  /** A plain decimal number: a spreadsheet reads it as a number, never as a formula. */
  private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /**
   * One CSV field, safe to open in a spreadsheet (OWASP, "CSV Injection"): a value starting with
   * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single
   * quote, so Excel, LibreOffice and Google Sheets show it as text instead of running it as a
   * formula; a plain decimal number such as {@code -71.06} is left as it is (it cannot hold a
   * formula and stays a number). Then quoted when it must be (RFC 4180), and always when neutralised.
   */
  static String csvField(String value) {
    boolean neutralised = startsAFormula(value);
    String text = neutralised ? "'" + value : value;
    if (neutralised || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static boolean startsAFormula(String value) {
    if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
      return false;
    }
    return !PLAIN_NUMBER.matcher(value).matches();
  }
}
