package org.trialdex.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.trialdex.app.Trialdex;
import org.trialdex.app.service.MatchResponses;
import org.trialdex.app.service.Matches;
import org.trialdex.app.service.PatientInput;
import org.trialdex.app.service.RecordReports;
import org.trialdex.core.celltherapy.ProfileJson;
import org.trialdex.core.eligibility.Patient;
import org.trialdex.core.trust.TrustSignalsJson;
import org.trialdex.search.RelatedTrial;
import org.trialdex.store.StoredStudy;
import org.trialdex.store.VersionInfo;

/**
 * trialdex's own API beside the ClinicalTrials.gov one, under {@code /api/studies/{id}/…}: related
 * trials, version history, the field-level diff of two versions, quality (sources, conflicts,
 * findings), the cell-therapy profile and the trust signals. Every answer is JSON; unknown ids are 404, bad parameters 400.
 */
final class Extensions {

  private Extensions() {}

  static void routes(Javalin app, Trialdex trialdex, Admission admission) {
    app.get("/api/studies/{id}/related", admission.light(ctx -> related(ctx, trialdex)));
    app.get("/api/studies/{id}/history", admission.light(ctx -> Render.json(ctx, RecordReports.history(
        trialdex.history().of(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx))))));
    app.get("/api/studies/{id}/diff", admission.light(ctx -> diff(ctx, trialdex)));
    app.post("/api/match", admission.guardAfterBody(ctx -> match(ctx, trialdex)));
    app.get("/api/studies/{id}/quality", admission.light(ctx -> Render.json(ctx, RecordReports.quality(
        trialdex.reports().quality(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx))))));
    app.get("/api/studies/{id}/cell-therapy", admission.light(ctx -> cellTherapy(ctx, trialdex)));
    app.get("/api/studies/{id}/trust-signals", admission.light(ctx -> trustSignals(ctx, trialdex)));
  }

  /**
   * {@code GET /api/studies/{id}/trust-signals}: the current record's trust signals (issue #11) as
   * of today (the server's clock, UTC) in {@link TrustSignalsJson}'s shape; {@code []} for none.
   */
  private static void trustSignals(Context ctx, Trialdex trialdex) {
    StoredStudy s = trialdex.records().current(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    LocalDate today = LocalDate.ofInstant(trialdex.clock().instant(), ZoneOffset.UTC);
    Render.json(ctx, TrustSignalsJson.of(trialdex.reports().trustSignals(s, today)));
  }

  /**
   * {@code GET /api/studies/{id}/cell-therapy}: the current record's cell-therapy profile (issue
   * #11) in {@link ProfileJson}'s shape, each fact with the text that states it; {@code
   * "cellTherapy": false} and empty facts for a record that gives no cell product.
   */
  private static void cellTherapy(Context ctx, Trialdex trialdex) {
    StoredStudy s = trialdex.records().current(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    Render.json(ctx, ProfileJson.of(s.nctId(), trialdex.reports().cellTherapy(s)));
  }

  /**
   * {@code POST /api/match}: the body is a patient (trialdex's patient JSON, a FHIR R4 Bundle, or a
   * note as text/plain; {@code form=json|fhir|note} overrides the guess); {@code top} (1–1000,
   * default 10) and {@code openOnly} (true/false) shape the answer. The body is read and forgotten.
   */
  private static void match(Context ctx, Trialdex trialdex) {
    String body = ctx.body();
    String formParam = ctx.queryParam("form");
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    PatientInput.Form form = formParam != null ? PatientInput.Form.named(formParam)
        : type.startsWith("text/plain") ? PatientInput.Form.NOTE
        : type.contains("fhir") ? PatientInput.Form.FHIR
        : PatientInput.sniff(body);
    int top = intParam(ctx, "top", 10, 1, 1000);
    String open = ctx.queryParam("openOnly");
    if (open != null && !open.equals("true") && !open.equals("false")) {
      throw new HttpServer.BadRequest("openOnly takes true or false, got '" + open + "'");
    }
    Patient patient = PatientInput.read(form, body, trialdex.matches(), trialdex.clock());
    Matches.Result result = trialdex.matches().match(patient, new Matches.Options(top, "true".equals(open)));
    ctx.header("Cache-Control", "no-store");
    Render.json(ctx, MatchResponses.json(result));
  }

  private static void related(Context ctx, Trialdex trialdex) {
    int limit = intParam(ctx, "limit", 10, 1, 100);
    List<RelatedTrial> related = trialdex.searches().related(ctx.pathParam("id"), limit).orElseThrow(() -> notFound(ctx));
    Render.json(ctx, RecordReports.related(related));
  }

  /** {@code from} and {@code to} default to the two newest versions. */
  private static void diff(Context ctx, Trialdex trialdex) {
    String id = trialdex.records().resolve(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    List<VersionInfo> versions = trialdex.records().versions(id);
    int newest = versions.getLast().version();
    int to = intParam(ctx, "to", newest, 1, Integer.MAX_VALUE);
    int from = intParam(ctx, "from", Math.max(1, to - 1), 1, Integer.MAX_VALUE);
    Render.json(ctx, RecordReports.diff(trialdex.history().diff(id, from, to).orElseThrow(() -> new HttpServer.NotFound(
        id + " has versions 1 to " + newest + "; there is no version " + (from > newest ? from : to)))));
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HttpServer.BadRequest(name + " takes a whole number from " + min
          + (max == Integer.MAX_VALUE ? "" : " to " + max) + ", got '" + value + "'");
    }
  }

  private static HttpServer.NotFound notFound(Context ctx) {
    return new HttpServer.NotFound("no study " + ctx.pathParam("id"));
  }
}
